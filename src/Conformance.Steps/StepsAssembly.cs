namespace Conformance.Steps;

/// <summary>A handle on this assembly for hosts that scan it for bindings.</summary>
public static class StepsAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(StepsAssembly).Assembly;
}
