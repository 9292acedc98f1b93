using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Expressions;
using Conformance.Gherkin.Parsing;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Execution;

/// <summary>A step definition that matches a step's text, with the arguments it captured.</summary>
public sealed record StepMatch(StepBinding Binding, IReadOnlyList<ExpressionArgument> Arguments);

/// <summary>One step of a test case: a hook, or a pickle step with every definition that matches it.</summary>
public sealed record PlannedStep(string Id, HookBinding? Hook, PickleStep? PickleStep, string Keyword, IReadOnlyList<StepMatch> Matches)
{
    public string Text => Hook is not null
        ? $"{Hook.Kind} hook {Hook.Name ?? $"{Hook.Method.DeclaringType?.Name}.{Hook.Method.Name}"}"
        : $"{Keyword}{PickleStep!.Text}";
}

/// <summary>A pickle bound to its hooks and step definitions: the plan that a test case executes.</summary>
public sealed record TestCasePlan(string Id, Pickle Pickle, FeatureFile Feature, IReadOnlyList<PlannedStep> Steps)
{
    public string Key => $"{Pickle.Uri}:{Pickle.Location?.Line}";

    public IReadOnlyList<string> Tags => Pickle.Tags.Select(t => t.Name).ToList();

    /// <summary>The name a person reads: <c>Feature: Rule: Scenario</c>.</summary>
    public string DisplayName
    {
        get
        {
            var rule = RuleName;
            return $"{Feature.FeatureName}: {(rule is null ? "" : rule + ": ")}{Pickle.Name}";
        }
    }

    public string? RuleName
    {
        get
        {
            var scenarioId = Pickle.AstNodeIds.FirstOrDefault();
            var rule = Feature.Document?.Feature?.Children
                .Select(c => c.Rule)
                .FirstOrDefault(r => r?.Children.Any(c => c.Scenario?.Id == scenarioId) == true);
            return string.IsNullOrEmpty(rule?.Name) ? null : rule.Name;
        }
    }

    public TestCase ToMessage(string testRunStartedId) => new(Id, Pickle.Id, Steps.Select(ToMessage).ToList(), testRunStartedId);

    private static TestStep ToMessage(PlannedStep step)
    {
        if (step.Hook is not null) return new TestStep(step.Hook.Id, step.Id, null, null, null);
        return new TestStep(null, step.Id, step.PickleStep!.Id,
            step.Matches.Select(m => m.Binding.Id).ToList(),
            step.Matches.Select(m => new StepMatchArgumentsList(m.Arguments.Select(ToMessage).ToList())).ToList());
    }

    private static StepMatchArgument ToMessage(ExpressionArgument argument) =>
        new(ToMessage(argument.Group), argument.ParameterType?.Name);

    private static Group ToMessage(MatchGroup group) =>
        new(group.Children.Count == 0 ? null : group.Children.Select(ToMessage).ToList(), group.Start, group.Value);
}
