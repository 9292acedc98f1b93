using System.Text.RegularExpressions;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Resources;
using Conformance.Engine.Destinations;
using Conformance.Events.Generation;

namespace Conformance.Engine.Functions;

/// <summary>
/// The functions of the engine and Lambda's control plane for them: <c>CreateFunction</c>,
/// <c>UpdateFunctionConfiguration</c>, versions and aliases, the resource-based policy, reserved
/// concurrency and the asynchronous invocation settings, each validated as the API reference says
/// (https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html).
/// </summary>
internal sealed partial class FunctionRegistry
{
    private readonly Dictionary<string, LambdaFunction> functions = new(StringComparer.Ordinal);
    private readonly EngineSettings settings;
    private readonly AwsIdentity ids;

    public FunctionRegistry(EngineSettings settings, AwsIdentity ids)
    {
        this.settings = settings;
        this.ids = ids;
        Resolver = new FunctionResolver(functions, settings);
    }

    public FunctionResolver Resolver { get; }

    public IEnumerable<LambdaFunction> All => functions.Values;

    public LambdaFunction? Find(string functionName) => functions.GetValueOrDefault(FunctionRef.Parse(functionName).Name);

    // Function names: letters, digits, hyphens and underscores, 1–64 characters (API_CreateFunction).
    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex FunctionNamePattern();

    public ApiResult CreateFunction(FunctionSpec spec)
    {
        if (!FunctionNamePattern().IsMatch(spec.Name))
            // Recorded as InvalidParameterValueException with the validation wording (TestLambdaFunction::test_function_arns).
            return AwsErrors.InvalidParameter(AwsErrors.ValidationMessage("functionName", spec.Name, "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ and have length less than or equal to 64"));
        if (ValidateTimeout(spec) is { } invalid) return invalid;
        if (functions.ContainsKey(spec.Name)) return AwsErrors.Conflict($"Function already exist: {spec.Name}");
        functions[spec.Name] = new LambdaFunction(spec, ids.FunctionArn(spec.Name));
        return new ApiResult(201);
    }

    /// <summary><c>UpdateFunctionConfiguration</c>: changes <c>$LATEST</c> (timeout, behaviour, dead-letter target).</summary>
    public ApiResult UpdateFunction(FunctionSpec spec)
    {
        if (!functions.TryGetValue(spec.Name, out var function)) return Resolver.NotFound(spec.Name, null);
        if (ValidateTimeout(spec) is { } invalid) return invalid;
        function.Update(spec);
        return ApiResult.Ok;
    }

    private ApiResult? ValidateTimeout(FunctionSpec spec)
    {
        var seconds = spec.Timeout.TotalSeconds;
        return seconds < 1 || seconds > settings.MaximumTimeoutSeconds
            ? AwsErrors.ModelConstraint(settings, "timeout", seconds, seconds < 1 ? "Member must have value greater than or equal to 1" : $"Member must have value less than or equal to {settings.MaximumTimeoutSeconds}")
            : null;
    }

    /// <summary><c>PublishVersion</c>: snapshots <c>$LATEST</c> as the next version number.</summary>
    public (ApiResult Result, string? Version) PublishVersion(string functionName)
    {
        if (!functions.TryGetValue(FunctionRef.Parse(functionName).Name, out var function)) return (Resolver.NotFound(functionName, null), null);
        return (new ApiResult(201), function.PublishVersion());
    }

    /// <summary><c>CreateAlias</c>: a name for a published version.</summary>
    public ApiResult CreateAlias(string functionName, string alias, string version)
    {
        if (!functions.TryGetValue(FunctionRef.Parse(functionName).Name, out var function)) return Resolver.NotFound(functionName, null);
        if (Regex.IsMatch(alias, "^[0-9]+$") || alias == LambdaFunction.Latest)
            return AwsErrors.ModelConstraint(settings, "name", alias, "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        if (version != LambdaFunction.Latest && !function.Versions.ContainsKey(version)) return Resolver.NotFound(functionName, version);
        if (!function.Aliases.TryAdd(alias, version)) return AwsErrors.Conflict($"Alias already exists: {function.Arn}:{alias}");
        return new ApiResult(201);
    }

    /// <summary><c>AddPermission</c>: a statement of the function's resource-based policy.</summary>
    public ApiResult AddPermission(string functionName, PermissionStatement statement)
    {
        if (!functions.TryGetValue(FunctionRef.Parse(functionName).Name, out var function)) return Resolver.NotFound(functionName, null);
        if (function.Policy.Any(s => s.StatementId == statement.StatementId))
            return AwsErrors.Conflict($"The statement id ({statement.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.");
        function.Policy.Add(statement);
        return new ApiResult(201);
    }

    public ApiResult RemovePermission(string functionName, string statementId)
    {
        if (!functions.TryGetValue(FunctionRef.Parse(functionName).Name, out var function)) return Resolver.NotFound(functionName, null);
        var removed = function.Policy.RemoveAll(s => s.StatementId == statementId);
        return removed == 0 ? AwsErrors.NotFound($"Statement {statementId} is not found in resource policy.") : new ApiResult(204);
    }

    /// <summary>
    /// <c>PutFunctionConcurrency</c>: reserves concurrency for the function; at least
    /// <see cref="EngineSettings.MinimumUnreservedConcurrency"/> must stay unreserved (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
    /// </summary>
    public ApiResult PutFunctionConcurrency(string functionName, int reserved)
    {
        if (!functions.TryGetValue(FunctionRef.Parse(functionName).Name, out var function)) return Resolver.NotFound(functionName, null);
        if (reserved < 0) return AwsErrors.ModelConstraint(settings, "reservedConcurrentExecutions", reserved, "Member must have value greater than or equal to 0");
        var others = functions.Values.Where(f => f != function).Sum(f => f.ReservedConcurrency ?? 0);
        if (settings.AccountConcurrency - others - reserved < settings.MinimumUnreservedConcurrency)
            return AwsErrors.InvalidParameter(
                $"Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [{settings.MinimumUnreservedConcurrency}].");
        function.ReservedConcurrency = reserved;
        return ApiResult.Ok;
    }

    public ApiResult DeleteFunctionConcurrency(string functionName)
    {
        if (!functions.TryGetValue(FunctionRef.Parse(functionName).Name, out var function)) return Resolver.NotFound(functionName, null);
        function.ReservedConcurrency = null;
        return new ApiResult(204);
    }

    /// <summary>
    /// <c>PutFunctionEventInvokeConfig</c> (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html): retries 0–2 and event age 60–21,600 s; Put
    /// replaces the whole configuration of the qualifier. S3 is an on-failure destination only.
    /// </summary>
    public ApiResult PutFunctionEventInvokeConfig(string functionName, EventInvokeConfig config)
    {
        var (target, error) = Resolver.Resolve(functionName, config.Qualifier);
        if (target is null) return error!;
        if (config.MaximumRetryAttempts is < 0 or > 2)
            return AwsErrors.ModelConstraint(settings, "maximumRetryAttempts", config.MaximumRetryAttempts,
                config.MaximumRetryAttempts < 0 ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 2");
        if (config.MaximumEventAgeInSeconds is < 60 or > 21_600)
            return AwsErrors.ModelConstraint(settings, "maximumEventAgeInSeconds", config.MaximumEventAgeInSeconds,
                config.MaximumEventAgeInSeconds < 60 ? "Member must have value greater than or equal to 60" : "Member must have value less than or equal to 21600");
        foreach (var destination in new[] { config.OnSuccessDestination, config.OnFailureDestination }.Where(d => d is not null))
            if (DestinationRouter.Kind(destination!) is not ("sqs" or "sns" or "lambda" or "events" or "s3"))
                return AwsErrors.InvalidParameter($"The destination ARN {destination} is invalid.");
        if (config.OnSuccessDestination is { } onSuccess && DestinationRouter.Kind(onSuccess) == "s3")
            return AwsErrors.InvalidParameter("S3 is not supported as an OnSuccess destination. Use it as an OnFailure destination.");

        target.Function.AsyncSettingsByQualifier[target.Qualifier] = new AsyncSettings(
            config.MaximumRetryAttempts ?? settings.DefaultMaximumRetryAttempts,
            config.MaximumEventAgeInSeconds ?? settings.DefaultMaximumEventAgeInSeconds,
            config.OnSuccessDestination, config.OnFailureDestination);
        return ApiResult.Ok;
    }
}
