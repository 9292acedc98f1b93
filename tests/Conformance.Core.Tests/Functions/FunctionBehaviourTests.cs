using Conformance.Core.Functions;

namespace Conformance.Core.Tests.Functions;

public sealed class FunctionBehaviourTests
{
    [Fact]
    public void Fails_exactly_its_first_n_invocations()
    {
        var behaviour = FunctionBehaviour.Returning("1") with { FailingInvocations = 2 };

        Enumerable.Range(1, 4).Select(behaviour.FailsOnInvocation).ShouldBe([true, true, false, false]);
    }

    [Fact]
    public void An_always_failing_function_never_succeeds() =>
        FunctionBehaviour.AlwaysFailing("E", "m").FailsOnInvocation(int.MaxValue).ShouldBeTrue();

    [Fact]
    public void By_default_a_function_returns_the_json_null_and_does_not_fail()
    {
        var behaviour = new FunctionBehaviour();
        behaviour.ResponseJson.ShouldBe("null");
        behaviour.FailsOnInvocation(1).ShouldBeFalse();
    }
}
