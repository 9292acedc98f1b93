using System.Reflection;

namespace Conformance.Gherkin.Execution;

/// <summary>How the host supplies objects to bindings: a factory per type, called once per scenario.</summary>
public sealed class ServiceRegistry
{
    private readonly Dictionary<Type, Func<ScenarioContainer, object>> factories = [];

    public IReadOnlyDictionary<Type, Func<ScenarioContainer, object>> Factories => factories;

    public ServiceRegistry Add<T>(Func<ScenarioContainer, T> factory) where T : class
    {
        factories[typeof(T)] = factory;
        return this;
    }
}

/// <summary>
/// The per-scenario object container: binding classes and the context objects their constructors ask
/// for are created once per scenario and shared by every step of it; they are disposed, newest first,
/// when the scenario ends. Types without a registered factory are built through their public
/// constructor with the most parameters.
/// </summary>
public sealed class ScenarioContainer(ServiceRegistry services) : IAsyncDisposable
{
    private readonly Dictionary<Type, object> instances = [];
    private readonly List<object> created = [];
    private readonly HashSet<Type> resolving = [];

    public void Add<T>(T instance) where T : class => instances[typeof(T)] = instance;

    public T Resolve<T>() where T : class => (T)Resolve(typeof(T));

    public object Resolve(Type type)
    {
        if (instances.TryGetValue(type, out var existing)) return existing;
        if (!resolving.Add(type))
            throw new InvalidOperationException($"{type.Name} depends on itself through its constructor parameters.");
        try
        {
            var instance = services.Factories.TryGetValue(type, out var factory) ? factory(this) : Construct(type);
            instances[type] = instance;
            created.Add(instance);
            return instance;
        }
        finally
        {
            resolving.Remove(type);
        }
    }

    private object Construct(Type type)
    {
        if (type.IsAbstract || type.IsInterface)
            throw new InvalidOperationException($"Nothing provides {type.Name}: register a factory for it with the run's services.");
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor.");
        var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        return constructor.Invoke(arguments);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = created.Count - 1; i >= 0; i--)
        {
            switch (created[i])
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
        created.Clear();
        instances.Clear();
    }
}
