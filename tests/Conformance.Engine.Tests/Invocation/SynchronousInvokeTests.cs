using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Events.Lambda;

namespace Conformance.Engine.Tests.Invocation;

/// <summary>https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html: the Invoke API and synchronous invocation.</summary>
public sealed class SynchronousInvokeTests
{
    [Fact]
    public void S3_a_successful_invocation_answers_200_with_the_response_and_executed_version()
    {
        var response = new EngineFixture().WithFunction(FunctionBehaviour.Returning("{\"ok\":true}")).Invoke(InvocationType.RequestResponse);

        response.StatusCode.ShouldBe(200);
        response.Payload.ShouldBe("{\"ok\":true}");
        response.FunctionError.ShouldBeNull();
        response.ExecutedVersion.ShouldBe("$LATEST");
        Guid.TryParse(response.RequestId, out _).ShouldBeTrue();
    }

    [Fact]
    public void S2_a_function_error_answers_200_with_the_header_and_error_document()
    {
        var response = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("TypeError", "bad input")).Invoke(InvocationType.RequestResponse);

        response.StatusCode.ShouldBe(200);
        response.FunctionError.ShouldBe("Unhandled");
        var error = InvokeErrorDocument.Parse(response.Payload!).ShouldNotBeNull();
        error.ErrorType.ShouldBe("TypeError");
        error.ErrorMessage.ShouldBe("bad input");
    }

    [Fact]
    public void S2_a_run_longer_than_the_timeout_is_a_function_error_with_the_timeout_message()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour { Duration = TimeSpan.FromSeconds(10) }, timeout: TimeSpan.FromSeconds(5));

        var response = fixture.Invoke(InvocationType.RequestResponse);

        response.FunctionError.ShouldBe("Unhandled");
        var error = InvokeErrorDocument.Parse(response.Payload!).ShouldNotBeNull();
        error.ErrorType.ShouldBe("Sandbox.Timedout");
        error.ErrorMessage.ShouldBe($"RequestId: {response.RequestId} Error: Task timed out after 5.00 seconds"); // as recorded on AWS
        fixture.Engine.Invocations("fn").Single().Outcome.ShouldBe(InvocationOutcome.FunctionError);
    }

    [Fact]
    public void S1_an_event_invocation_answers_202_and_a_dry_run_204_without_running()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("1"));

        fixture.Invoke(InvocationType.DryRun).StatusCode.ShouldBe(204);
        fixture.Engine.Invocations("fn").ShouldBeEmpty();
        var accepted = fixture.Invoke(InvocationType.Event);
        accepted.StatusCode.ShouldBe(202);
        accepted.Payload.ShouldBeNull();
    }

    [Theory]
    [InlineData("fn")]
    [InlineData("fn:$LATEST")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:fn")]
    [InlineData("123456789012:function:fn")]
    public void S1_a_function_can_be_named_by_name_qualifier_or_arn(string name) =>
        new EngineFixture().WithFunction(FunctionBehaviour.Returning("1")).Invoke(InvocationType.RequestResponse, name: name).StatusCode.ShouldBe(200);

    [Fact]
    public void S1_an_unknown_function_answers_404_resource_not_found()
    {
        var response = new EngineFixture().Invoke(InvocationType.RequestResponse, name: "missing");

        response.StatusCode.ShouldBe(404);
        response.ErrorType.ShouldBe("ResourceNotFoundException");
        response.Payload.ShouldNotBeNull().ShouldContain("function:missing");
    }

    [Fact]
    public void S1_a_body_that_is_not_json_answers_400_and_does_not_run_the_function()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("1"));

        var response = fixture.Invoke(InvocationType.RequestResponse, "{broken");

        response.StatusCode.ShouldBe(400);
        response.ErrorType.ShouldBe("InvalidRequestContentException");
        fixture.Engine.Invocations("fn").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bad name!", 3, "InvalidParameterValueException")]
    [InlineData("fn", 0, "ValidationException")]
    [InlineData("fn", 901, "ValidationException")]
    public void S2_invalid_function_configuration_is_rejected(string name, int timeoutSeconds, string errorType)
    {
        var result = new EngineFixture().Engine.CreateFunction(new FunctionSpec(name, new FunctionBehaviour()) { Timeout = TimeSpan.FromSeconds(timeoutSeconds) });

        result.StatusCode.ShouldBe(400);
        result.ErrorType.ShouldBe(errorType);
    }

    [Fact]
    public void A_model_constraint_answers_with_the_error_type_the_settings_name()
    {
        var result = new EngineFixture(settings: new EngineSettings { ModelConstraintErrorType = "InvalidParameterValueException" }).Engine
            .CreateFunction(new FunctionSpec("fn", new FunctionBehaviour()) { Timeout = TimeSpan.FromSeconds(901) });

        result.ErrorType.ShouldBe("InvalidParameterValueException");
        result.Message.ShouldBe("1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900");
    }

    [Fact]
    public void Creating_a_function_twice_is_a_conflict()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        fixture.Engine.CreateFunction(new FunctionSpec("fn", new FunctionBehaviour())).ErrorType.ShouldBe("ResourceConflictException");
    }

    [Fact]
    public void The_same_seed_gives_the_same_request_ids()
    {
        string[] Ids(int seed)
        {
            var fixture = new EngineFixture(seed).WithFunction(FunctionBehaviour.Returning("1"));
            return Enumerable.Range(0, 3).Select(_ => fixture.Invoke(InvocationType.RequestResponse).RequestId).ToArray();
        }

        Ids(7).ShouldBe(Ids(7));
        Ids(7).ShouldNotBe(Ids(8));
        Ids(7).Distinct().Count().ShouldBe(3);
    }
}
