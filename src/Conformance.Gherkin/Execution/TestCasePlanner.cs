using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Parsing;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Execution;

/// <summary>Binds a pickle to the hooks whose tags it matches and to the step definitions matching each step.</summary>
public sealed class TestCasePlanner(BindingRegistry bindings, Func<string> newId)
{
    // Once per feature, not once per pickle: a feature of n scenarios would otherwise cost n² lookups.
    private readonly Dictionary<FeatureFile, Dictionary<string, string>> keywordsByFeature = new(ReferenceEqualityComparer.Instance);

    public TestCasePlan Plan(Pickle pickle, FeatureFile feature)
    {
        var tags = pickle.Tags.Select(t => t.Name).ToHashSet();
        if (!keywordsByFeature.TryGetValue(feature, out var keywords)) keywordsByFeature[feature] = keywords = StepKeywords(feature);
        var steps = new List<PlannedStep>();
        steps.AddRange(HooksFor(HookKind.BeforeScenario, tags));
        foreach (var step in pickle.Steps)
        {
            var keyword = step.AstNodeIds.Select(id => keywords.GetValueOrDefault(id)).FirstOrDefault(k => k is not null) ?? "* ";
            steps.Add(new PlannedStep(newId(), null, step, keyword, Match(step.Text)));
        }
        steps.AddRange(HooksFor(HookKind.AfterScenario, tags));
        return new TestCasePlan(newId(), pickle, feature, steps);
    }

    public IReadOnlyList<StepMatch> Match(string text)
    {
        var matches = new List<StepMatch>();
        foreach (var binding in bindings.Steps)
        {
            var arguments = binding.Expression.Match(text);
            if (arguments is not null) matches.Add(new StepMatch(binding, arguments));
        }
        return matches;
    }

    private IEnumerable<PlannedStep> HooksFor(HookKind kind, HashSet<string> tags) =>
        bindings.HooksFor(kind, tags).Select(h => new PlannedStep(newId(), h, null, "", []));

    private static Dictionary<string, string> StepKeywords(FeatureFile feature)
    {
        var result = new Dictionary<string, string>();
        var featureNode = feature.Document?.Feature;
        if (featureNode is null) return result;

        void AddSteps(IEnumerable<Step> steps)
        {
            foreach (var step in steps) result[step.Id] = step.Keyword;
        }

        void AddChildren(IEnumerable<FeatureChild> children)
        {
            foreach (var child in children)
            {
                if (child.Background is not null) AddSteps(child.Background.Steps);
                if (child.Scenario is not null) AddSteps(child.Scenario.Steps);
            }
        }

        foreach (var child in featureNode.Children)
        {
            if (child.Rule is null) AddChildren([child]);
            else
                foreach (var ruleChild in child.Rule.Children)
                {
                    if (ruleChild.Background is not null) AddSteps(ruleChild.Background.Steps);
                    if (ruleChild.Scenario is not null) AddSteps(ruleChild.Scenario.Steps);
                }
        }
        return result;
    }
}
