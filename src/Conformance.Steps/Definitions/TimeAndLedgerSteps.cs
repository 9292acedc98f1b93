using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps that let time pass and check the invocation ledger and the events the function received.</summary>
[Binding]
public sealed class TimeAndLedgerSteps(LedgerDriver ledger)
{
    [When("{int} second(s) pass(es)")]
    public Task SecondsPass(int seconds) => ledger.PassAsync(TimeSpan.FromSeconds(seconds));

    [When("{int} minute(s) pass(es)")]
    public Task MinutesPass(int minutes) => ledger.PassAsync(TimeSpan.FromMinutes(minutes));

    [When("{int} hour(s) pass(es)")]
    public Task HoursPass(int hours) => ledger.PassAsync(TimeSpan.FromHours(hours));

    [When("{int} day(s) pass(es)")]
    public Task DaysPass(int days) => ledger.PassAsync(TimeSpan.FromDays(days));

    [Then("the function was invoked {int} time(s)")]
    public Task InvokedTimes(int count) => ledger.ExpectCountAsync(count);

    [Then("the function {string} was invoked {int} time(s)")]
    public Task NamedInvokedTimes(string name, int count) => ledger.ExpectCountAsync(count, name);

    [Then("at most {int} invocations started within any {int} seconds")]
    public Task AtMostStartedWithin(int maximum, int seconds) => ledger.ExpectAtMostStartedWithinAsync(maximum, TimeSpan.FromSeconds(seconds));

    [Then("at least {int} invocations started within {int} seconds of each other")]
    public Task AtLeastStartedWithin(int minimum, int seconds) => ledger.ExpectAtLeastStartedWithinAsync(minimum, TimeSpan.FromSeconds(seconds));

    [Then("the function was not invoked")]
    public Task NotInvoked() => ledger.ExpectCountAsync(0);

    [Then("the function has not been invoked yet")]
    public Task NotInvokedYet() => ledger.ExpectNotInvokedYetAsync();

    [Then("the function received the event:")]
    public Task ReceivedEvent(string json) => ledger.ExpectEventAsync(json);

    [Then("the attempts were {int} minute(s) and then {int} minute(s) apart")]
    public Task AttemptsApart(int first, int second) => ledger.ExpectGapsAsync(TimeSpan.FromMinutes(first), TimeSpan.FromMinutes(second));

    [Then("the attempts were {int} minute(s) apart")]
    public Task TwoAttemptsApart(int minutes) => ledger.ExpectGapsAsync(TimeSpan.FromMinutes(minutes));

    [Then("the attempts were {int} second(s) apart")]
    public Task TwoAttemptsSecondsApart(int seconds) => ledger.ExpectGapsAsync(TimeSpan.FromSeconds(seconds));

    [Then("the second attempt came {int} to {int} seconds after the first")]
    public Task AttemptsWithin(int least, int most) => ledger.ExpectGapWithinAsync(TimeSpan.FromSeconds(least), TimeSpan.FromSeconds(most));

    [Then("consecutive invocations were {int} minute(s) apart")]
    public Task EvenlySpaced(int minutes) => ledger.ExpectEvenlySpacedAsync(TimeSpan.FromMinutes(minutes));

    [Then("every attempt carried the same request id")]
    public Task SameRequestId() => ledger.ExpectSameRequestIdAsync();

    [Then("the event has {string} set to {string}")]
    public Task EventField(string path, string value) => ledger.ExpectEventFieldAsync(path, value);

    [Then("the event has no {string}")]
    public Task NoEventField(string path) => ledger.ExpectNoEventFieldAsync(path);

    [Then("the event's {string} is {word}")]
    public Task EventFieldPresence(string path, string presence) => presence switch
    {
        "present" => ledger.ExpectEventFieldPresentAsync(path),
        "absent" => ledger.ExpectNoEventFieldAsync(path),
        _ => throw new ArgumentException($"Say 'present' or 'absent', not '{presence}'."),
    };

    [Then("event {int} has {string} set to {string}")]
    public Task NthEventField(int index, string path, string value) => ledger.ExpectEventFieldAsync(path, value, index);

    [Then("event {int} has {string} ending with {string}")]
    public Task NthEventFieldEnding(int index, string path, string suffix) => ledger.ExpectEventFieldEndsWithAsync(path, suffix, index);
}
