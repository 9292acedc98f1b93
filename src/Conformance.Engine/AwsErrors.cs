using System.Text.Json;
using Conformance.Core.Invocation;

namespace Conformance.Engine;

/// <summary>The AWS-style errors the engine answers with: status, error type and message as the Lambda API sends them.</summary>
internal static class AwsErrors
{
    public static ApiResult InvalidParameter(string message) => new(400, "InvalidParameterValueException", message);

    public static ApiResult NotFound(string message) => new(404, "ResourceNotFoundException", message);

    public static ApiResult Conflict(string message) => new(409, "ResourceConflictException", message);

    /// <summary>400 <c>ResourceInUseException</c>, e.g. an update of a mapping still Creating (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html).</summary>
    public static ApiResult InUse(string message) => new(400, "ResourceInUseException", message);

    /// <summary>
    /// A value outside the range, enum or pattern of the API model, e.g. <c>maximumRetryAttempts</c> 3, in
    /// AWS's wording, as <see cref="EngineSettings.ModelConstraintErrorType"/>.
    /// </summary>
    public static ApiResult ModelConstraint(EngineSettings settings, string field, object? value, string constraint) =>
        new(400, settings.ModelConstraintErrorType, ValidationMessage(field, value, constraint));

    /// <summary>AWS's "1 validation error detected" sentence, which also comes with <c>InvalidParameterValueException</c> for some service checks (a too-long function name).</summary>
    public static string ValidationMessage(string field, object? value, string constraint) =>
        $"1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: {constraint}";

    public static InvokeResponse Rejected(int status, string requestId, string type, string message, string? reason = null)
    {
        var body = new Dictionary<string, string> { ["Type"] = "User", ["message"] = message };
        if (reason is not null) body["Reason"] = reason;
        return new InvokeResponse(status, requestId, JsonSerializer.Serialize(body)) { ErrorType = type, ThrottleReason = reason };
    }

    public static InvokeResponse Rejected(ApiResult error, string requestId) =>
        Rejected(error.StatusCode, requestId, error.ErrorType!, error.Message!);
}
