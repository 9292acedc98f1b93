using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>Creates and configures the scenario's function on the target: the probe, or a function the user project declares.</summary>
public sealed class FunctionDriver(ITarget target, DeclaredFunctions declared)
{
    private readonly List<string> others = [];
    private FunctionSpec? spec;
    private int statements;

    /// <summary>The name of the scenario's function: the probe's, or the declared function's once chosen.</summary>
    public string Name { get; private set; } = "probe";

    /// <summary>
    /// Creates the function the user project declares under <paramref name="name"/> (<c>conformance.json</c>),
    /// with its own code; every later step acts on it.
    /// </summary>
    public async Task CreateDeclaredAsync(string name)
    {
        var function = declared.Find(name) ?? throw new InvalidOperationException(declared.All.Count == 0
            ? $"The function \"{name}\" is not declared: this run has no conformance.json with \"functions\" (run from the project's folder, or pass --config)."
            : $"The function \"{name}\" is not declared in conformance.json (declared: {string.Join(", ", declared.All.Select(f => f.Name))}).");
        Name = name;
        spec = new FunctionSpec(name, new FunctionBehaviour()) { Timeout = function.Timeout, Code = function.Code };
        Expect(await target.CreateFunctionAsync(spec), $"create the function {name}");
    }

    public FunctionSpec Spec => spec ?? throw new InvalidOperationException("No function was created before this step.");

    /// <summary>True once the scenario created (or tried to create) its function.</summary>
    public bool Created => spec is not null;

    /// <summary>How long an invocation of the scenario's function runs, as far as the scenario knows (zero before it has one).</summary>
    public TimeSpan RunTime => spec?.RunTime ?? TimeSpan.Zero;

    public async Task CreateAsync(FunctionBehaviour behaviour, TimeSpan? timeout = null)
    {
        spec = new FunctionSpec(Name, behaviour) { Timeout = timeout ?? TimeSpan.FromSeconds(3) };
        Expect(await target.CreateFunctionAsync(spec), "create the function");
    }

    /// <summary>
    /// A created function exists: it answers a synchronous invocation. Taking the creation's answer
    /// alone would trust a target that defers its checks (the emulator validates at its next start).
    /// </summary>
    public async Task ExpectInvocableAsync()
    {
        var response = await target.InvokeAsync(new InvokeRequest(Name, InvocationType.RequestResponse, "{}"));
        if (response.StatusCode != 200 || response.FunctionError is not null)
            throw new ExpectationFailedException("The created function cannot be invoked.", "200 with no function error",
                $"{response.StatusCode}{(response.FunctionError is { } error ? $" {error}" : "")} {response.Payload}");
    }

    /// <summary>Attempts to create the function, for scenarios about a refusal.</summary>
    public Task<ApiResult> TryCreateAsync(FunctionBehaviour behaviour, TimeSpan timeout)
    {
        spec = new FunctionSpec(Name, behaviour) { Timeout = timeout };
        return target.CreateFunctionAsync(spec);
    }

    /// <summary>Creates another function (e.g. a destination) that returns <c>null</c>.</summary>
    public async Task CreateOtherAsync(string name)
    {
        Expect(await target.CreateFunctionAsync(new FunctionSpec(name, new FunctionBehaviour())), $"create the function {name}");
        others.Add(name);
    }

    /// <summary>
    /// Creates a second function that behaves as the scenario's does, with the default settings: the
    /// contrast that shows a setting's effect (a target without the mechanism treats both alike).
    /// </summary>
    public async Task CreateTwinAsync(string name)
    {
        Expect(await target.CreateFunctionAsync(Spec with { Name = name, DeadLetterTargetArn = null }), $"create the function {name}");
        others.Add(name);
    }

    /// <summary>The other functions the scenario created, in order: destinations and twins.</summary>
    public IReadOnlyList<string> Others => others;

    /// <summary>Changes <c>$LATEST</c> (<c>UpdateFunctionConfiguration</c>).</summary>
    public async Task UpdateAsync(Func<FunctionSpec, FunctionSpec> change)
    {
        spec = change(Spec);
        Expect(await target.UpdateFunctionAsync(spec), "update the function");
    }

    public async Task<string> PublishVersionAsync()
    {
        var (result, version) = await target.Facet<IVersions>().PublishVersionAsync(Name);
        Expect(result, "publish a version");
        return version!;
    }

    public async Task CreateAliasAsync(string alias, string version) => Expect(await target.Facet<IVersions>().CreateAliasAsync(Name, alias, version), $"create the alias {alias}");

    public async Task AllowAsync(string principal, string? sourceArn = null) =>
        Expect(await target.AddPermissionAsync(Name, new PermissionStatement($"allow-{principal.Split('.')[0]}-{++statements}", principal, sourceArn)),
            $"let {principal} invoke the function");

    public async Task ReserveConcurrencyAsync(int reserved) => Expect(await target.Facet<IReservedConcurrency>().PutFunctionConcurrencyAsync(Name, reserved), "reserve concurrency");

    public async Task ConfigureAsyncAsync(EventInvokeConfig config) => Expect(await target.Facet<IAsyncSettings>().PutEventInvokeConfigAsync(Name, config), "configure asynchronous invocation");

    /// <summary>Attempts a configuration that may be refused, for scenarios about the refusal.</summary>
    public Task<ApiResult> TryConfigureAsyncAsync(EventInvokeConfig config) => target.Facet<IAsyncSettings>().PutEventInvokeConfigAsync(Name, config);

    public Task<ApiResult> TryReserveConcurrencyAsync(int reserved) => target.Facet<IReservedConcurrency>().PutFunctionConcurrencyAsync(Name, reserved);

    public Task InjectFaultsAsync(AsyncFaultPlan faults) => target.Facet<IFaultInjection>().InjectAsyncFaultsAsync(Name, faults);

    private static void Expect(ApiResult result, string what)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"The target refused to {what}: {result}");
    }
}
