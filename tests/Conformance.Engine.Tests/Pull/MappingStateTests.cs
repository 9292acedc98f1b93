using Conformance.Core.Functions;
using Conformance.Engine.Pull;

namespace Conformance.Engine.Tests.Pull;

/// <summary>
/// The state machine of an event source mapping
/// (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html): only the
/// documented transitions happen, and a mapping on its way to a state cannot be updated.
/// </summary>
public sealed class MappingStateTests
{
    [Theory]
    [InlineData(MappingState.Creating, MappingState.Enabled, true)]
    [InlineData(MappingState.Creating, MappingState.Disabled, true)]
    [InlineData(MappingState.Enabled, MappingState.Disabling, true)]
    [InlineData(MappingState.Disabling, MappingState.Disabled, true)]
    [InlineData(MappingState.Disabled, MappingState.Enabling, true)]
    [InlineData(MappingState.Enabling, MappingState.Enabled, true)]
    [InlineData(MappingState.Creating, MappingState.Disabling, false)]
    [InlineData(MappingState.Enabled, MappingState.Creating, false)]
    [InlineData(MappingState.Enabling, MappingState.Disabled, false)]
    [InlineData(MappingState.Disabled, MappingState.Enabled, false)]
    public void Only_the_documented_transitions_are_allowed(MappingState from, MappingState to, bool allowed) =>
        EventSourceMapping.CanTransition(from, to).ShouldBe(allowed);

    [Fact]
    public void A_mapping_still_creating_cannot_be_updated_and_can_once_it_is_enabled()
    {
        var fixture = new EngineFixture(settings: new EngineSettings { MappingStartDelay = TimeSpan.FromMinutes(1) }).WithFunction(new FunctionBehaviour());
        var (_, arn) = fixture.Engine.Pull.CreateQueue(new QueueSpec("orders"));
        var (_, uuid) = fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn"));

        var early = fixture.Engine.Pull.SetEnabled(uuid!, false);
        fixture.Pass(TimeSpan.FromMinutes(1));
        var later = fixture.Engine.Pull.SetEnabled(uuid!, false);

        early.StatusCode.ShouldBe(400);
        early.ErrorType.ShouldBe("ResourceInUseException");
        later.StatusCode.ShouldBe(202);
    }

    [Fact]
    public void The_default_batch_sizes_are_settings()
    {
        var fixture = new EngineFixture(settings: new EngineSettings { SqsDefaultBatchSize = 2 }).WithFunction(new FunctionBehaviour());
        var (_, arn) = fixture.Engine.Pull.CreateQueue(new QueueSpec("orders"));
        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn"));

        for (var i = 0; i < 4; i++) fixture.Engine.Pull.SendMessage("orders", new QueueMessage($"{i}"));
        fixture.Pass(TimeSpan.FromSeconds(1));

        fixture.Engine.Invocations("fn").Count.ShouldBe(2);
    }
}
