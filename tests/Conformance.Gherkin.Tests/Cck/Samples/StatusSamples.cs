// C# ports of the CCK samples about step statuses (see BasicSamples.cs).
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;

namespace Conformance.Gherkin.Tests.Cck.Samples.Undefined
{
    [Binding]
    public sealed class Steps
    {
        [Given("an implemented step")]
        public void Implemented() { }

        [Given("a step that will be skipped")]
        public void Skipped() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.Ambiguous
{
    [Binding]
    public sealed class Steps
    {
        [Given("^a (.*?) with (.*?)$")]
        public void First(string a, string b) { }

        [Given("^a step with (.*?)$")]
        public void Second(string a) { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.Pending
{
    [Binding]
    public sealed class Steps
    {
        [Given("an implemented non-pending step")]
        public void NotPending() { }

        [Given("an implemented step that is skipped")]
        public void Skipped() { }

        [Given("an unimplemented pending step")]
        public void Pending() => throw new PendingStepException();
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.PendingException
{
    [Binding]
    public sealed class Steps
    {
        [Given("an unimplemented pending step")]
        public void Pending() => throw new PendingStepException("TODO");
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.Skipped
{
    [Binding]
    public sealed class Steps
    {
        [Given("a step that does not skip")]
        public void DoesNotSkip() { }

        [Given("a step that is skipped")]
        public void IsSkipped() { }

        [Given("I skip a step")]
        public void Skip() => throw new SkippedStepException();
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.SkippedException
{
    [Binding]
    public sealed class Steps
    {
        [Given("I skip a step")]
        public void Skip() => throw new SkippedStepException("skipping");
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.StackTraces
{
    [Binding]
    public sealed class Steps
    {
        [When("a step throws an exception")]
        public void Throws() => throw new Exception("BOOM");
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.AllStatuses
{
    [Binding]
    public sealed class Steps
    {
        [Given("^a step$")]
        public void Step() { }

        [Given("^a failing step$")]
        public void Failing() => throw new Exception("whoops");

        [Given("^a pending step$")]
        public void Pending() => throw new PendingStepException();

        [Given("^a skipped step$")]
        public void Skipped() => throw new SkippedStepException();

        [Given("^an ambiguous (.*?)$")]
        public void AmbiguousOne(string what) { }

        [Given("^(.*?) ambiguous step$")]
        public void AmbiguousTwo(string what) { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.FailedishCombinations
{
    [Binding]
    public sealed class Steps
    {
        [Given("^a step$")]
        public void Step() { }

        [Given("^a skipped step$")]
        public void Skipped() => throw new SkippedStepException();

        [Given("^a pending step$")]
        public void Pending() => throw new PendingStepException();

        [Given("^an ambiguous (.*?)$")]
        public void AmbiguousOne(string what) { }

        [Given("^(.*?) ambiguous step$")]
        public void AmbiguousTwo(string what) { }

        [Given("^a failing step$")]
        public void Failing() => throw new Exception("whoops");
    }
}
