using Conformance.Steps.Drivers;

namespace Conformance.Steps.Tests.Drivers;

public sealed class LambdaTimeTests
{
    [Fact]
    public void A_scenario_lets_the_sum_of_its_passing_steps_pass() =>
        LambdaTime.Of(["a function that returns nothing", "1 minute passes", "10 seconds pass", "2 hours pass", "1 day passes"])
            .ShouldBe(TimeSpan.FromDays(1) + TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData("the function was invoked 5 times")]
    [InlineData("a batching window of 20 seconds")]
    [InlineData("5 minutes pass and more")]
    public void Other_steps_let_no_time_pass(string step) => LambdaTime.Passes(step).ShouldBe(TimeSpan.Zero);

    [Theory]
    [InlineData(90, "1.5 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(45, "45 seconds")]
    [InlineData(960, "16 minutes")]
    [InlineData(3600, "1 hour")]
    [InlineData(259200, "3 days")]
    public void Times_are_said_in_words(int seconds, string words) => LambdaTime.Describe(TimeSpan.FromSeconds(seconds)).ShouldBe(words);

    [Fact]
    public void The_expected_time_adds_the_run_time_of_each_function_the_scenario_names() =>
        LambdaTime.Expected(["a function that runs for 28 seconds and returns:", "the function is changed to run for 30 seconds", "1 minute passes"])
            .ShouldBe(TimeSpan.FromSeconds(28 + 30 + 60));
}
