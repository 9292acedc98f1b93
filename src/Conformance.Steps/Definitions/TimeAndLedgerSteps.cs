using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps that let time pass and check the invocation ledger.</summary>
[Binding]
public sealed class TimeAndLedgerSteps(LedgerDriver ledger)
{
    [When("{int} second(s) pass(es)")]
    public Task SecondsPass(int seconds) => ledger.PassAsync(TimeSpan.FromSeconds(seconds));

    [When("{int} minute(s) pass(es)")]
    public Task MinutesPass(int minutes) => ledger.PassAsync(TimeSpan.FromMinutes(minutes));

    [When("{int} hour(s) pass(es)")]
    public Task HoursPass(int hours) => ledger.PassAsync(TimeSpan.FromHours(hours));

    [Then("the function was invoked {int} time(s)")]
    public Task InvokedTimes(int count) => ledger.ExpectCountAsync(count);

    [Then("the function was not invoked")]
    public Task NotInvoked() => ledger.ExpectCountAsync(0);

    [Then("the function received the event:")]
    public Task ReceivedEvent(string json) => ledger.ExpectEventAsync(json);

    [Then("the attempts were {int} minute(s) and then {int} minute(s) apart")]
    public Task AttemptsApart(int first, int second) => ledger.ExpectGapsAsync(TimeSpan.FromMinutes(first), TimeSpan.FromMinutes(second));

    [Then("the attempts were {int} minute(s) apart")]
    public Task TwoAttemptsApart(int minutes) => ledger.ExpectGapsAsync(TimeSpan.FromMinutes(minutes));

    [Then("every attempt carried the same request id")]
    public Task SameRequestId() => ledger.ExpectSameRequestIdAsync();
}
