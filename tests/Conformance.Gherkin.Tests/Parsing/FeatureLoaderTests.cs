using Conformance.Gherkin.Parsing;
using Gherkin.CucumberMessages;

namespace Conformance.Gherkin.Tests.Parsing;

public sealed class FeatureLoaderTests
{
    private readonly FeatureLoader loader = new(new IncrementingIdGenerator());

    [Fact]
    public void Compiles_backgrounds_outlines_and_tags_into_pickles()
    {
        var feature = loader.Load("features/a.feature", """
            @feature-tag
            Feature: Sample
              Background:
                Given a background step

              @outline-tag
              Scenario Outline: Adding <a>
                When I add <a>

                Examples:
                  | a |
                  | 1 |
                  | 2 |
            """);

        feature.Errors.ShouldBeEmpty();
        feature.Pickles.Select(p => p.Name).ShouldBe(["Adding 1", "Adding 2"]);
        feature.Pickles[0].Steps.Select(s => s.Text).ShouldBe(["a background step", "I add 1"]);
        feature.Pickles[0].Tags.Select(t => t.Name).ShouldBe(["@feature-tag", "@outline-tag"]);
    }

    [Fact]
    public void Reports_a_syntax_error_with_file_line_and_column()
    {
        var feature = loader.Load("features/broken.feature", "Feature: Broken\n  Scenario: x\n    Given a step\n  This line is not Gherkin\n    | a |\n");

        feature.Pickles.ShouldBeEmpty();
        var error = feature.Errors.ShouldHaveSingleItem();
        error.Uri.ShouldBe("features/broken.feature");
        error.Line.ShouldBe(4);
        error.ToString().ShouldStartWith("features/broken.feature:4:3: expected:");
        error.Message.ShouldNotStartWith("(");
    }

    [Fact]
    public void Reads_features_in_other_languages()
    {
        var feature = loader.Load("features/fr.feature", "# language: fr\nFonctionnalité: Commande\n  Scénario: payer\n    Soit une commande\n    Alors elle est payée\n");

        feature.Errors.ShouldBeEmpty();
        feature.Document!.Feature.Language.ShouldBe("fr");
        feature.Pickles.Single().Steps.Select(s => s.Text).ShouldBe(["une commande", "elle est payée"]);
    }

    [Fact]
    public void An_empty_file_has_no_pickles_and_no_error()
    {
        var feature = loader.Load("features/empty.feature", "");
        feature.Errors.ShouldBeEmpty();
        feature.Pickles.ShouldBeEmpty();
    }

    [Fact]
    public void Loads_a_directory_in_path_order_with_uris_relative_to_its_parent()
    {
        var root = Directory.CreateTempSubdirectory();
        try
        {
            var features = Directory.CreateDirectory(Path.Combine(root.FullName, "features", "b"));
            File.WriteAllText(Path.Combine(features.FullName, "z.feature"), "Feature: Z\n  Scenario: z\n    Given z\n");
            File.WriteAllText(Path.Combine(root.FullName, "features", "a.feature"), "Feature: A\n  Scenario: a\n    Given a\n");

            var files = loader.LoadDirectory(Path.Combine(root.FullName, "features"));

            files.Select(f => f.Uri).ShouldBe(["features/a.feature", "features/b/z.feature"]);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
