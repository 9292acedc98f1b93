using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Core.Tests.Targets;

public sealed class TargetCapabilitiesTests
{
    [Fact]
    public void Has_only_the_declared_capabilities()
    {
        var capabilities = TargetCapabilities.Of(TargetCapabilities.VirtualTime);

        capabilities.Has("virtual-time").ShouldBeTrue();
        capabilities.Has("invoke-async").ShouldBeFalse();
        capabilities.TimingTolerance.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Api_results_describe_their_error()
    {
        ApiResult.Ok.Succeeded.ShouldBeTrue();
        var error = ApiResult.InvalidParameter("bad");
        error.Succeeded.ShouldBeFalse();
        error.ToString().ShouldBe("400 InvalidParameterValueException: bad");
    }
}
