using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Targets.Emulator;

namespace Conformance.Targets.Tests.Emulator;

/// <summary>The emulator target against the real serverless-offline stack: what goes in through the port comes back from the real processes.</summary>
// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class EmulatorTargetTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static async Task<IReadOnlyList<InvocationRecord>> WaitForInvocationsAsync(ITarget target, string function, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var records = await target.GetInvocationsAsync(function);
            if (records.Count >= count || DateTimeOffset.UtcNow > deadline) return records;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_synchronous_invoke_runs_the_probe_and_the_sink_records_the_event()
    {
        await using var target = emulator.Stack.CreateTarget();
        (await target.CreateFunctionAsync(new FunctionSpec("probe", FunctionBehaviour.Returning("""{"answer":42}""")))).Succeeded.ShouldBeTrue();

        var response = await target.InvokeAsync(new InvokeRequest("probe", InvocationType.RequestResponse, """{"order":7}"""));

        response.StatusCode.ShouldBe(200);
        JsonNode.DeepEquals(JsonNode.Parse(response.Payload!), JsonNode.Parse("""{"answer":42}""")).ShouldBeTrue();
        var record = (await target.GetInvocationsAsync("probe")).ShouldHaveSingleItem();
        record.Outcome.ShouldBe(InvocationOutcome.Succeeded);
        JsonNode.Parse(record.Event)!["order"]!.GetValue<int>().ShouldBe(7);
    }

    [Fact]
    public async Task The_probe_fails_the_first_attempts_it_is_told_to_with_the_error_type()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour
        {
            FailingInvocations = 1, Error = new FunctionErrorSpec("ValidationError", "order 42 has no items"),
        }));

        var first = await target.InvokeAsync(new InvokeRequest("probe", InvocationType.RequestResponse, "{}"));
        var second = await target.InvokeAsync(new InvokeRequest("probe", InvocationType.RequestResponse, "{}"));

        first.FunctionError.ShouldNotBeNull();
        JsonNode.Parse(first.Payload!)!["errorMessage"]!.ToString().ShouldBe("order 42 has no items");
        second.FunctionError.ShouldBeNull();
        (await target.GetInvocationsAsync("probe")).Select(r => r.Outcome).ShouldBe([InvocationOutcome.FunctionError, InvocationOutcome.Succeeded]);
    }

    [Fact]
    public async Task An_SQS_mapping_delivers_a_message_with_the_scenario_s_queue_name()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        var (created, arn) = await target.CreateQueueAsync(new QueueSpec("orders") { VisibilityTimeoutSeconds = 60 });
        created.Succeeded.ShouldBeTrue();
        (await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "probe") { BatchSize = 10 })).Result.Succeeded.ShouldBeTrue();

        (await target.SendMessageAsync("orders", new QueueMessage("hello"))).Result.Succeeded.ShouldBeTrue();

        var record = (await WaitForInvocationsAsync(target, "probe", 1)).ShouldHaveSingleItem();
        var message = JsonNode.Parse(record.Event)!["Records"]![0]!;
        message["body"]!.ToString().ShouldBe("hello");
        message["eventSourceARN"]!.ToString().ShouldEndWith(":orders");
        target.Starts.ShouldBe(1); // the function alone did not start the emulator; the mapping did, once
    }

    [Fact]
    public async Task A_LATEST_mapping_is_ready_only_once_its_poller_holds_a_position_so_the_next_record_arrives()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        var (_, arn) = await target.CreateStreamAsync("readings", 1);
        var iteratorsBefore = await emulator.Stack.Kinesis.ShardIteratorsHandedOutAsync(CancellationToken.None);

        (await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "probe") { StartingPosition = "LATEST" })).Result.Succeeded.ShouldBeTrue();
        var iteratorsAfter = await emulator.Stack.Kinesis.ShardIteratorsHandedOutAsync(CancellationToken.None);
        (await target.PutRecordAsync("readings", "sensor-1", "first")).Result.Succeeded.ShouldBeTrue();

        iteratorsAfter.GetValueOrDefault(target.Physical("readings")).ShouldBeGreaterThan(iteratorsBefore.GetValueOrDefault(target.Physical("readings")));
        var record = (await WaitForInvocationsAsync(target, "probe", 1)).ShouldHaveSingleItem();
        var data = JsonNode.Parse(record.Event)!["Records"]![0]!["kinesis"]!["data"]!.ToString();
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data)).ShouldBe("first");
    }

    [Fact]
    public async Task A_function_timeout_the_emulator_refuses_comes_back_at_once_in_its_own_words_with_no_invented_code()
    {
        await using var target = emulator.Stack.CreateTarget();

        var result = await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()) { Timeout = TimeSpan.FromSeconds(901) });

        result.StatusCode.ShouldBe(ApiResult.NoStatus);
        result.ErrorType.ShouldBeNull();
        result.Message.ShouldNotBeNull().ShouldContain("timeout");
        target.Starts.ShouldBe(0);
    }

    [Fact]
    public async Task A_mapping_the_emulator_refuses_comes_back_in_its_own_words_with_no_invented_code()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        var (_, arn) = await target.CreateQueueAsync(new QueueSpec("orders"));

        var (result, uuid) = await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "probe") { BatchSize = 0 });

        uuid.ShouldBeNull();
        result.StatusCode.ShouldBe(ApiResult.NoStatus);
        result.ErrorType.ShouldBeNull();
        result.Message.ShouldNotBeNull().ShouldContain("batchSize");
    }

    [Fact]
    public async Task A_scenario_whose_serverless_offline_dies_reports_the_target_lost_with_its_last_output()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        (await target.InvokeAsync(new InvokeRequest("probe", InvocationType.RequestResponse, "{}"))).StatusCode.ShouldBe(200); // starts serverless-offline
        var directory = Path.Combine(emulator.Stack.WorkDirectory, target.Physical("").TrimEnd('-'));
        var processes = Conformance.Tests.Shared.ProcessTable.Mentioning(directory);
        processes.ShouldNotBeEmpty();

        foreach (var process in processes)
            using (var kill = System.Diagnostics.Process.Start("kill", ["-9", process.Split(':')[0]])) await kill!.WaitForExitAsync();
        for (var wait = 0; wait < 100 && Conformance.Tests.Shared.ProcessTable.Mentioning(directory).Count > 0; wait++) await Task.Delay(50); // until the kill has landed
        var lost = await Should.ThrowAsync<TargetUnavailableException>(() => target.InvokeAsync(new InvokeRequest("probe", InvocationType.RequestResponse, "{}")));

        lost.Message.ShouldStartWith("target lost: serverless-offline");
        lost.Message.ShouldContain("Offline [http for lambda] listening"); // its last output, as evidence
    }

    [Fact]
    public async Task Asynchronous_settings_and_destinations_are_written_as_given_for_serverless_to_take_or_refuse()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        var failures = await target.CreateDestinationAsync(DestinationKind.SqsQueue, "failures");

        (await target.PutEventInvokeConfigAsync("probe", new EventInvokeConfig(MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60, OnFailureDestination: failures))).Succeeded.ShouldBeTrue();
        (await target.PutFunctionConcurrencyAsync("probe", 1)).Succeeded.ShouldBeTrue();
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(emulator.Stack.WorkDirectory, target.Physical("").TrimEnd('-'), "serverless.json")))!["functions"]!["probe"]!;
        var refused = await target.PutEventInvokeConfigAsync("probe", new EventInvokeConfig(MaximumRetryAttempts: 3));

        written["maximumRetryAttempts"]!.GetValue<int>().ShouldBe(0);
        written["maximumEventAge"]!.GetValue<int>().ShouldBe(60);
        written["destinations"]!["onFailure"]!.GetValue<string>().ShouldBe(failures);
        written["reservedConcurrency"]!.GetValue<int>().ShouldBe(1);
        refused.StatusCode.ShouldBe(ApiResult.NoStatus); // serverless refused 3 in its own words, with no API status
        refused.Message.ShouldNotBeNull().ShouldContain("maximumRetryAttempts");
        (await target.GetDestinationRecordsAsync(failures)).ShouldBeEmpty();
        var topic = await target.CreateDestinationAsync(DestinationKind.SnsTopic, "topic"); // named for serverless to judge; the stack has no SNS
        topic.ShouldStartWith("arn:aws:sns:");
        await Should.ThrowAsync<NotSupportedException>(() => target.GetDestinationRecordsAsync(topic));
    }

    [Fact]
    public async Task A_name_with_a_qualifier_goes_to_serverless_offline_as_given_and_it_answers_for_itself()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));

        var qualified = await target.InvokeAsync(new InvokeRequest("probe:live", InvocationType.RequestResponse, "{}"));
        var byArn = await target.InvokeAsync(new InvokeRequest((await target.FunctionArnAsync("probe"))!, InvocationType.RequestResponse, "{}"));

        qualified.StatusCode.ShouldBe(404); // serverless-offline has no aliases; the adapter no longer drops the qualifier for it
        qualified.Payload.ShouldNotBeNull().ShouldContain(":live");
        byArn.StatusCode.ShouldBe(404); // nor does it resolve an ARN
        (await target.GetInvocationsAsync("probe")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stream_mapping_s_batching_window_is_written_as_serverless_names_it_and_accepted()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        var (_, streamArn) = await target.CreateTableAsync(new TableSpec("orders", StreamViewType: "KEYS_ONLY"));

        var (result, uuid) = await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(streamArn!, "probe")
        {
            StartingPosition = "TRIM_HORIZON", BatchSize = 10, MaximumBatchingWindowInSeconds = 5,
        });

        result.Succeeded.ShouldBeTrue(result.ToString());
        uuid.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_start_that_fails_on_a_setting_serverless_accepted_is_reported_as_a_failure_not_as_its_refusal()
    {
        await using var target = emulator.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        var (_, streamArn) = await target.CreateTableAsync(new TableSpec("orders", StreamViewType: "KEYS_ONLY"));

        var (result, uuid) = await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(streamArn!, "probe")
        {
            StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = DateTimeOffset.UtcNow,
        });

        uuid.ShouldBeNull();
        result.StatusCode.ShouldBe(ApiResult.FailedToApply); // serverless's schema takes AT_TIMESTAMP; the DynamoDB Streams plugin crashes on it
        result.Message.ShouldNotBeNull().ShouldContain("iterator");
    }
}

/// <summary>Starting and stopping the stack leaves no process and no port behind.</summary>
// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class EmulatorStackLifetimeTests
{
    [Fact]
    public async Task Disposing_the_stack_stops_every_process_and_frees_its_ports()
    {
        var stack = await EmulatorStack.StartAsync(TextWriter.Null);
        var target = stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        (await target.InvokeAsync(new InvokeRequest("probe", InvocationType.RequestResponse, "{}"))).StatusCode.ShouldBe(200);
        var processes = stack.Processes.ToList();
        var ports = new[] { stack.SqsPort, stack.KinesisPort, stack.DynamoDbPort };
        processes.ShouldNotBeEmpty();

        await target.DisposeAsync();
        await stack.DisposeAsync();

        processes.ShouldAllBe(p => !Directory.Exists($"/proc/{p.Id}"));
        ports.ShouldAllBe(port => !Conformance.Targets.Processes.FreePorts.IsListening(port));
        Directory.Exists(stack.WorkDirectory).ShouldBeFalse();
        Conformance.Tests.Shared.ProcessTable.Mentioning(stack.WorkDirectory).ShouldBeEmpty();
    }
}
