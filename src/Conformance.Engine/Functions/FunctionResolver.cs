using Conformance.Core.Invocation;
using Conformance.Core.Resources;

namespace Conformance.Engine.Functions;

/// <summary>A function named in a request, with the version that will run and the qualifier used.</summary>
internal sealed record ResolvedFunction(LambdaFunction Function, string Version, string Qualifier)
{
    public string QualifiedArn => $"{Function.Arn}:{Qualifier}";
}

/// <summary>
/// Finds the function a request names: a name, <c>name:qualifier</c>, a full or partial ARN, plus the
/// <c>Qualifier</c> parameter; the qualifier is <c>$LATEST</c>, a version number or an alias (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
/// </summary>
internal sealed class FunctionResolver(Dictionary<string, LambdaFunction> functions, EngineSettings settings)
{
    public (ResolvedFunction? Function, ApiResult? Error) Resolve(string name, string? qualifierParameter)
    {
        var (baseName, nameQualifier, _) = FunctionRef.Parse(name);
        if (nameQualifier is not null && qualifierParameter is not null && nameQualifier != qualifierParameter)
            return (null, AwsErrors.InvalidParameter("The derived qualifier from the function name does not match the specified qualifier."));
        var qualifier = nameQualifier ?? qualifierParameter ?? LambdaFunction.Latest;

        if (!functions.TryGetValue(baseName, out var function)) return (null, NotFound(baseName, null));
        if (qualifier == LambdaFunction.Latest) return (new ResolvedFunction(function, LambdaFunction.Latest, qualifier), null);
        if (function.Versions.ContainsKey(qualifier)) return (new ResolvedFunction(function, qualifier, qualifier), null);
        if (function.Aliases.TryGetValue(qualifier, out var version)) return (new ResolvedFunction(function, version, qualifier), null);
        return (null, NotFound(baseName, qualifier));
    }

    public ApiResult NotFound(string name, string? qualifier) =>
        AwsErrors.NotFound($"Function not found: {Arn.Function(settings.Region, settings.AccountId, name, qualifier)}");
}
