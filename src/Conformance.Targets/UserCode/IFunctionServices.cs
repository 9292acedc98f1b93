namespace Conformance.Targets.UserCode;

/// <summary>
/// The AWS services a function's code may call on the reference target (SQS, at
/// <c>AWS_ENDPOINT_URL_SQS</c>), answered by the engine. A call is served while the invocation that made
/// it is running, with the engine paused; one that comes after the code answered waits, like the frozen
/// environment it came from, until that environment's next invocation.
/// </summary>
public interface IFunctionServices
{
    /// <summary>Answers one call of the JSON protocol: its <c>X-Amz-Target</c> and body, and the endpoint's URL (for queue URLs).</summary>
    (int Status, string Body) Call(string target, string body, string endpointUrl);
}
