using Conformance.Reporting.Matrix;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Tests.Model;

public sealed class RunMergeTests
{
    private static ScenarioReport Scenario(string name, long line, string status) => new(name, line, [], status, []);

    [Fact]
    public void Two_shards_merge_into_the_matrix_of_the_whole_run()
    {
        var whole = new RunReport([new FeatureReport("f.feature", "F", "", [], [Scenario("a", 3, "PASSED"), Scenario("b", 7, "FAILED"), Scenario("c", 9, Outcomes.NotApplicable)])], [], false);
        var first = new RunReport([new FeatureReport("f.feature", "F", "", [], [Scenario("a", 3, "PASSED"), Scenario("b", 7, RunReportReader.NotRun), Scenario("c", 9, Outcomes.NotApplicable)])], [], true);
        var second = new RunReport([new FeatureReport("f.feature", "F", "", [], [Scenario("a", 3, RunReportReader.NotRun), Scenario("b", 7, "FAILED"), Scenario("c", 9, RunReportReader.NotRun)])], [], false);

        var merged = RunMerge.Merge([first, second]);

        merged.Success.ShouldBe(false);
        MatrixMarkdown.Render(ConformanceMatrix.Build([("aws", merged)])).ShouldBe(MatrixMarkdown.Render(ConformanceMatrix.Build([("aws", whole)])));
    }
}
