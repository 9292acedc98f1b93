using System.Text;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Events.Lambda;

namespace Conformance.Engine.Tests.Functions;

/// <summary>https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: qualifiers, versions, aliases, log tail and payload limits.</summary>
public sealed class VersionsAndInvokeOptionsTests
{
    [Fact]
    public void S1_a_published_version_keeps_its_configuration_and_reports_itself_as_executed_version()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("\"v1\""));
        var (published, version) = fixture.Engine.PublishVersion("fn");
        published.Succeeded.ShouldBeTrue();
        version.ShouldBe("1");
        fixture.Engine.UpdateFunction(new FunctionSpec("fn", FunctionBehaviour.Returning("\"v2\""))).Succeeded.ShouldBeTrue();
        fixture.Engine.CreateAlias("fn", "prod", "1").Succeeded.ShouldBeTrue();

        fixture.Invoke(new InvokeRequest("fn", InvocationType.RequestResponse, "{}")).ShouldSatisfyAllConditions(
            r => r.Payload.ShouldBe("\"v2\""), r => r.ExecutedVersion.ShouldBe("$LATEST"));
        fixture.Invoke(new InvokeRequest("fn:1", InvocationType.RequestResponse, "{}")).ShouldSatisfyAllConditions(
            r => r.Payload.ShouldBe("\"v1\""), r => r.ExecutedVersion.ShouldBe("1"));
        fixture.Invoke(new InvokeRequest("fn", InvocationType.RequestResponse, "{}") { Qualifier = "prod" }).ShouldSatisfyAllConditions(
            r => r.Payload.ShouldBe("\"v1\""), r => r.ExecutedVersion.ShouldBe("1"));
        fixture.Engine.Invocations("fn").Select(i => i.ExecutedVersion).ShouldBe(["$LATEST", "1", "1"]);
    }

    [Theory]
    [InlineData("fn:7", null)]
    [InlineData("fn:staging", null)]
    [InlineData("fn", "staging")]
    public void S1_an_unknown_version_or_alias_answers_404_naming_the_qualified_arn(string name, string? qualifier)
    {
        var response = new EngineFixture().WithFunction(new FunctionBehaviour()).Invoke(new InvokeRequest(name, InvocationType.RequestResponse, "{}") { Qualifier = qualifier });

        response.StatusCode.ShouldBe(404);
        response.Payload.ShouldNotBeNull().ShouldContain($"function:fn:{qualifier ?? name.Split(':')[1]}");
    }

    [Fact]
    public void S1_alias_names_cannot_look_like_versions_and_must_point_at_published_versions()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        fixture.Engine.CreateAlias("fn", "12", "$LATEST").ErrorType.ShouldBe("ValidationException"); // recorded: TestLambdaAlias::test_alias_naming
        fixture.Engine.CreateAlias("fn", "live", "3").StatusCode.ShouldBe(404);
        fixture.Engine.CreateAlias("fn", "live", "$LATEST").Succeeded.ShouldBeTrue();
        fixture.Engine.CreateAlias("fn", "live", "$LATEST").ErrorType.ShouldBe("ResourceConflictException");
    }

    [Fact]
    public void S1_log_type_tail_returns_the_last_4_kb_of_the_log_base64()
    {
        var behaviour = FunctionBehaviour.Returning("1") with { LogLines = [.. Enumerable.Range(0, 500).Select(i => $"line {i}")] };
        var fixture = new EngineFixture().WithFunction(behaviour);

        var response = fixture.Invoke(new InvokeRequest("fn", InvocationType.RequestResponse, "{}") { TailLog = true });
        var quiet = fixture.Invoke(new InvokeRequest("fn", InvocationType.RequestResponse, "{}"));

        var log = Convert.FromBase64String(response.LogResult.ShouldNotBeNull());
        log.Length.ShouldBe(4096);
        var text = Encoding.UTF8.GetString(log);
        text.ShouldContain("line 499");
        text.ShouldContain($"END RequestId: {response.RequestId}");
        text.ShouldContain($"REPORT RequestId: {response.RequestId}");
        quiet.LogResult.ShouldBeNull();
    }

    [Fact]
    public void S5_payloads_above_6_mb_sync_and_1_mb_async_are_rejected_with_413()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        string Json(int bytes) => "\"" + new string('x', bytes - 2) + "\"";

        fixture.Invoke(InvocationType.RequestResponse, Json(6 * 1024 * 1024)).StatusCode.ShouldBe(200);
        var tooLargeSync = fixture.Invoke(InvocationType.RequestResponse, Json(6 * 1024 * 1024 + 1));
        (tooLargeSync.StatusCode, tooLargeSync.ErrorType).ShouldBe((413, "RequestEntityTooLargeException"));
        tooLargeSync.Payload!.ShouldContain("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
        fixture.Invoke(InvocationType.Event, Json(1024 * 1024)).StatusCode.ShouldBe(202);
        var tooLarge = fixture.Invoke(InvocationType.Event, Json(1024 * 1024 + 1));
        tooLarge.StatusCode.ShouldBe(413);
        tooLarge.ErrorType.ShouldBe("RequestTooLargeException");
    }

    [Fact]
    public void S5_whether_a_request_of_exactly_6_mb_is_accepted_is_a_setting()
    {
        var strict = new EngineFixture(settings: new EngineSettings { SyncPayloadLimitAcceptsItsOwnSize = false }).WithFunction(new FunctionBehaviour());
        string Json(int bytes) => "\"" + new string('x', bytes - 2) + "\"";

        strict.Invoke(InvocationType.RequestResponse, Json(6 * 1024 * 1024 - 1)).StatusCode.ShouldBe(200);
        strict.Invoke(InvocationType.RequestResponse, Json(6 * 1024 * 1024)).StatusCode.ShouldBe(413);
    }

    [Fact]
    public void S16_the_async_limit_is_a_setting_for_the_256_kb_era()
    {
        var fixture = new EngineFixture(settings: new EngineSettings { AsyncPayloadLimitBytes = 256 * 1024 }).WithFunction(new FunctionBehaviour());
        fixture.Invoke(InvocationType.Event, "\"" + new string('x', 300 * 1024) + "\"").StatusCode.ShouldBe(413);
    }

    [Fact]
    public void S5_a_response_above_6_mb_is_a_function_error()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("\"" + new string('x', 6 * 1024 * 1024 + 200) + "\""));

        var response = fixture.Invoke(InvocationType.RequestResponse);

        response.StatusCode.ShouldBe(200);
        response.FunctionError.ShouldBe("Unhandled");
        var error = InvokeErrorDocument.Parse(response.Payload!)!;
        error.ErrorType.ShouldBe("Function.ResponseSizeTooLarge");
        error.ErrorMessage.ShouldBe("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    }

    [Theory]
    [InlineData(6_291_556, null)]
    [InlineData(6_291_557, "Unhandled")]
    public void S5_the_response_limit_is_6_mb_and_100_bytes_as_aws_answers_it(int bytes, string? functionError)
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("\"" + new string('x', bytes - 2) + "\""));

        fixture.Invoke(InvocationType.RequestResponse).FunctionError.ShouldBe(functionError);
    }

    [Fact]
    public void S1_a_qualifier_in_the_name_must_agree_with_the_qualifier_parameter() =>
        new EngineFixture().WithFunction(new FunctionBehaviour())
            .Invoke(new InvokeRequest("fn:$LATEST", InvocationType.RequestResponse, "{}") { Qualifier = "1" }).ErrorType.ShouldBe("InvalidParameterValueException");
}
