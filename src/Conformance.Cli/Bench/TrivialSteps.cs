using Conformance.Gherkin.Bindings;

namespace Conformance.Cli.Bench;

/// <summary>
/// The trivial steps of the runner-overhead benchmark (bench/runner-vs-cucumber-js.sh), the same as the
/// JavaScript steps cucumber-js runs there, so the comparison measures the runners, not the steps.
/// </summary>
[Binding]
public sealed class TrivialSteps
{
    private int value;

    [Given("a number {int}")]
    public void Number(int number) => value = number;

    [When("I add {int}")]
    public void Add(int number) => value += number;

    [Then("the result is {int}")]
    public void Result(int expected)
    {
        if (value != expected) throw new InvalidOperationException($"expected {expected}, got {value}");
    }

    [Then("the result is positive")]
    public void Positive()
    {
        if (value <= 0) throw new InvalidOperationException($"{value} is not positive");
    }

    /// <summary>A feature of <paramref name="scenarios"/> scenarios of 5 such steps.</summary>
    public static string Feature(int scenarios)
    {
        var text = new System.Text.StringBuilder("Feature: Runner overhead\n");
        for (var i = 0; i < scenarios; i++)
            text.Append($"\n  Scenario: sum {i}\n    Given a number {i}\n    When I add 1\n    When I add 2\n    Then the result is {i + 3}\n    Then the result is positive\n");
        return text.ToString();
    }
}
