namespace Conformance.Core.Invocation;

/// <summary>The answer to a control-plane call: success, or an AWS-style error with its status, type and message.</summary>
public sealed record ApiResult(int StatusCode, string? ErrorType = null, string? Message = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static ApiResult Ok { get; } = new(200);

    public static ApiResult InvalidParameter(string message) => new(400, "InvalidParameterValueException", message);

    public static ApiResult NotFound(string message) => new(404, "ResourceNotFoundException", message);

    public override string ToString() => Succeeded ? $"{StatusCode}" : $"{StatusCode} {ErrorType}: {Message}";
}
