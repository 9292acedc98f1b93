using Conformance.Core.Invocation;

namespace Conformance.Steps.Drivers;

/// <summary>Remembers the answer of the last control-plane call that a scenario expects might be refused.</summary>
public sealed class ControlPlaneDriver
{
    private ApiResult? last;

    public ApiResult LastResult => last ?? throw new InvalidOperationException("No configuration call was made before this step.");

    public void Remember(ApiResult result) => last = result;

    public void ExpectSucceeded()
    {
        if (!LastResult.Succeeded) throw new ExpectationFailedException("The call was refused.", "success", LastResult.ToString());
    }

    public void ExpectRejected(string errorType, string? message = null) => Rejection.Expect(LastResult, "configuration", errorType, message, wholeMessage: true);
}
