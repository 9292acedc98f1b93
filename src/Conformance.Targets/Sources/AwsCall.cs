using Amazon.Runtime;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Sources;

/// <summary>Runs an AWSSDK call and answers as the port does: success, or the service's error as an <see cref="ApiResult"/>.</summary>
public static class AwsCall
{
    public static async Task<ApiResult> Run(Func<Task> call)
    {
        try
        {
            await call();
            return ApiResult.Ok;
        }
        catch (AmazonServiceException ex)
        {
            return new ApiResult((int)ex.StatusCode, ex.ErrorCode, ex.Message);
        }
    }
}
