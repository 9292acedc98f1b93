using System.Net;
using System.Net.NetworkInformation;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Tests.Shared;

namespace Conformance.Targets.Tests.ServerlessAwsLambda;

/// <summary>
/// The serverless-aws-lambda target against the real emulator: it listens on loopback only, its queues
/// are created as declared and polled by its own SQS plugin, a change it cannot make without losing what
/// the scenario put in is unsupported, and nothing it started outlives the scenario.
/// </summary>
[Trait("Tier", "integration")]
public sealed class AwsLambdaTargetTests(AwsLambdaFixture fixture) : IClassFixture<AwsLambdaFixture>
{
    [Fact]
    public async Task A_message_sent_to_a_declared_queue_reaches_the_mapped_function_and_the_emulator_listens_on_loopback_only()
    {
        var target = fixture.Stack.CreateTarget();
        await using (target)
        {
            await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
            var (created, arn) = await target.CreateQueueAsync(new QueueSpec("orders") { VisibilityTimeoutSeconds = 7 });
            var (mapped, _) = await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "probe") { BatchSize = 1 });
            (await target.SendMessageAsync("orders", new QueueMessage("hello"))).Result.Succeeded.ShouldBeTrue();

            var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
            while ((await target.GetInvocationsAsync("probe")).Count == 0 && DateTimeOffset.UtcNow < deadline) await Task.Delay(200);

            (created.Succeeded, mapped.Succeeded).ShouldBe((true, true));
            (await target.GetInvocationsAsync("probe")).ShouldHaveSingleItem().Event.ShouldContain("\"body\":\"hello\"");
            var listening = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(e => e.Port == target.Port).ToList();
            listening.ShouldNotBeEmpty();
            listening.ShouldAllBe(e => IPAddress.IsLoopback(e.Address));
        }
        ProcessTable.Mentioning(fixture.Stack.WorkDirectory).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_configuration_change_after_the_scenario_acted_is_unsupported_not_a_restart_that_loses_its_messages()
    {
        await using var target = fixture.Stack.CreateTarget();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        await target.InvokeAsync(new InvokeRequest("probe", InvocationType.RequestResponse, "{}"));

        var change = await Should.ThrowAsync<NotSupportedException>(() => target.CreateQueueAsync(new QueueSpec("late")));

        change.Message.ShouldStartWith("the serverless-aws-lambda target has no configuration change after the scenario acted");
    }
}
