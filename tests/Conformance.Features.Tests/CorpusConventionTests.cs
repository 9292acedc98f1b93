using System.Text.RegularExpressions;
using Conformance.Gherkin.Parsing;
using Conformance.Tests.Shared;
using Gherkin.CucumberMessages;

namespace Conformance.Features.Tests;

/// <summary>The corpus keeps its own rules: AWS links, tags a reader and a filter can rely on, and an honest coverage table.</summary>
public sealed partial class CorpusConventionTests
{
    private static readonly IReadOnlyList<FeatureFile> Files = new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(RepositoryPaths.Features);

    public static TheoryData<string> FeatureUris => new(Files.Select(f => f.Uri));

    [GeneratedRegex(@"https://(docs\.aws\.amazon\.com|aws\.amazon\.com)/\S+")]
    private static partial Regex AwsLink();

    [Theory, MemberData(nameof(FeatureUris))]
    public void Every_feature_describes_the_behaviour_and_links_the_aws_pages_it_specifies(string uri)
    {
        var feature = Files.Single(f => f.Uri == uri).Document!.Feature;
        feature.Description.Trim().Length.ShouldBeGreaterThan(80, $"{uri} needs a plain-language description");
        AwsLink().IsMatch(feature.Description).ShouldBeTrue($"{uri} links no AWS page");
    }

    [Theory, MemberData(nameof(FeatureUris))]
    public void Every_scenario_is_tagged_with_its_source_model_and_evidence(string uri)
    {
        foreach (var pickle in Files.Single(f => f.Uri == uri).Pickles)
        {
            var tags = pickle.Tags.Select(t => t.Name).ToList();
            tags.ShouldContain(t => t.StartsWith("@source:"), $"{uri}: '{pickle.Name}' has no @source: tag");
            tags.ShouldContain(t => t == "@push" || t == "@pull", $"{uri}: '{pickle.Name}' has no @push/@pull tag");
            tags.ShouldContain(t => t == "@aws-documented" || t == "@aws-observed", $"{uri}: '{pickle.Name}' has no evidence tag");
        }
    }

    [Fact]
    public void Exactly_the_scenarios_that_let_more_time_pass_than_a_default_run_may_wait_are_tagged_for_virtual_time()
    {
        foreach (var file in Files)
            foreach (var pickle in file.Pickles)
            {
                var lambdaTime = Conformance.Steps.Drivers.LambdaTime.Of(pickle.Steps.Select(s => s.Text));
                var tagged = pickle.Tags.Any(t => t.Name == "@needs:virtual-time");
                tagged.ShouldBe(lambdaTime > Conformance.Steps.Drivers.LambdaTime.DefaultMaxWait,
                    $"{file.Uri}: '{pickle.Name}' lets {lambdaTime} pass; @needs:virtual-time marks exactly those over the default --max-wait");
            }
    }

    [Fact]
    public void The_coverage_table_names_only_feature_files_that_exist_and_the_corpus_has_at_least_150_scenarios()
    {
        var coverage = File.ReadAllText(Path.Combine(RepositoryPaths.Features, "COVERAGE.md"));
        foreach (Match match in Regex.Matches(coverage, @"`([a-z0-9/-]+\.feature)`"))
            File.Exists(Path.Combine(RepositoryPaths.Features, match.Groups[1].Value)).ShouldBeTrue($"COVERAGE.md names {match.Groups[1].Value}, which does not exist");
        Files.Sum(f => f.Pickles.Count).ShouldBeGreaterThanOrEqualTo(150);
    }
}
