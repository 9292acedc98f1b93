// C# ports of the step definitions of the Cucumber Compatibility Kit samples (each sample's .ts file),
// kept equivalent so that running a sample's feature gives the sample's message stream.
using Conformance.Gherkin.Bindings;

namespace Conformance.Gherkin.Tests.Cck.Samples.Minimal
{
    [Binding]
    public sealed class Steps
    {
        [Given("I have {int} cukes in my belly")]
        public void Cukes(int count) { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.Cdata
{
    [Binding]
    public sealed class Steps
    {
        [Given("I have {int} <![CDATA[cukes]]> in my belly")]
        public void Cukes(int count) { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.Backgrounds
{
    [Binding]
    public sealed class Steps
    {
        [Given("an order for {string}")]
        public void Order(string item) { }

        [When("an action")]
        public void Action() { }

        [Then("an outcome")]
        public void Outcome() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.MultipleFeatures
{
    [Binding]
    public sealed class Steps
    {
        [Given("an order for {string}")]
        public void Order(string item) { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.Rules
{
    [Binding]
    public sealed class Steps
    {
        private int money;
        private readonly Stack<string> stock = new();
        private string? chocolate;

        [Given("the customer has {int} cents")]
        public void Money(int cents) => money = cents;

        [Given("there are chocolate bars in stock")]
        public void InStock() => stock.Push("Mars");

        [Given("there are no chocolate bars in stock")]
        public void NoneInStock() => stock.Clear();

        [When("the customer tries to buy a {int} cent chocolate bar")]
        public void Buy(int price)
        {
            if (money >= price && stock.Count > 0) chocolate = stock.Pop();
        }

        [Then("the sale should not happen")]
        public void NoSale() => chocolate.ShouldBeNull();

        [Then("the sale should happen")]
        public void Sale() => chocolate.ShouldNotBeNull();
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.ExamplesTables
{
    [Binding]
    public sealed class Steps
    {
        private int count;
        private int friends;

        [Given("there are {int} cucumbers")]
        public void Cucumbers(int initial) => count = initial;

        [Given("there are {int} friends")]
        public void Friends(int initial) => friends = initial;

        [When("I eat {int} cucumbers")]
        public void Eat(int eaten) => count -= eaten;

        [Then("I should have {int} cucumbers")]
        public void ShouldHave(int expected) => count.ShouldBe(expected);

        [Then("each person can eat {int} cucumbers")]
        public void Share(int expected) => (count / (1 + friends)).ShouldBe(expected);
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.ExamplesTablesUndefined
{
    [Binding]
    public sealed class Steps
    {
        private int count;

        [Given("there are {int} cucumbers")]
        public void Cucumbers(int initial) => count = initial;

        [When("I eat {int} cucumbers")]
        public void Eat(int eaten) => count -= eaten;

        [Then("I should have {int} cucumbers")]
        public void ShouldHave(int expected) => count.ShouldBe(expected);
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.UnusedSteps
{
    [Binding]
    public sealed class Steps
    {
        [Given("a step that is used")]
        public void Used() { }

        [Given("a step that is not used")]
        public void Unused() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.DataTables
{
    [Binding]
    public sealed class Steps
    {
        private DataTable? transposed;

        [When("the following table is transposed:")]
        public void Transpose(DataTable table) => transposed = table.Transpose();

        [Then("it should be:")]
        public void ShouldBe(DataTable expected) => transposed!.Raw.ShouldBe(expected.Raw);
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.DocStrings
{
    [Binding]
    public sealed class Steps
    {
        [Given("a doc string:")]
        public void DocString(string content) { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.RegularExpression
{
    [Binding]
    public sealed class Steps
    {
        [Given("^a (.*?)(?: and a (.*?))?(?: and a (.*?))?$")]
        public void Vegetables(string first, string? second, string? third) { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.ParameterTypes
{
    public sealed record Flight(string From, string To);

    [Binding]
    public sealed class Steps
    {
        [StepArgumentTransformation("([A-Z]{3})-([A-Z]{3})", Name = "flight")]
        public static Flight ToFlight(string from, string to) => new(from, to);

        [Given("{flight} has been delayed")]
        public void Delayed(Flight flight)
        {
            flight.From.ShouldBe("LHR");
            flight.To.ShouldBe("CDG");
        }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.UnknownParameterType
{
    [Binding]
    public sealed class Steps
    {
        [Given("{airport} is closed because of a strike")]
        public void Closed(object airport) => throw new InvalidOperationException("Should not be called because airport parameter type has not been defined");
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.Empty
{
    // The empty sample has a feature without scenarios and no step definitions.
}
