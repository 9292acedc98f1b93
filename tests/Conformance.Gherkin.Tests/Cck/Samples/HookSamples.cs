// C# ports of the CCK samples about hooks and attachments (see BasicSamples.cs).
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;

namespace Conformance.Gherkin.Tests.Cck.Samples.Hooks
{
    [Binding]
    public sealed class Steps
    {
        [BeforeScenario]
        public void Before() { }

        [When("a step passes")]
        public void Passes() { }

        [When("a step fails")]
        public void Fails() => throw new Exception("Exception in step");

        [AfterScenario]
        public void After() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.HooksConditional
{
    [Binding]
    public sealed class Steps
    {
        [BeforeScenario("@passing-hook")]
        public Task BeforePassing() => Task.CompletedTask;

        [BeforeScenario("@fail-before")]
        public void BeforeFailing() => throw new Exception("Exception in conditional hook");

        [When("a step passes")]
        public void Passes() { }

        [AfterScenario("@fail-after")]
        public void AfterFailing() => throw new Exception("Exception in conditional hook");

        [AfterScenario("@passing-hook")]
        public Task AfterPassing() => Task.CompletedTask;
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.HooksNamed
{
    [Binding]
    public sealed class Steps
    {
        [BeforeScenario(Name = "A named before hook")]
        public void Before() { }

        [When("a step passes")]
        public void Passes() { }

        [AfterScenario(Name = "A named after hook")]
        public void After() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.HooksSkipped
{
    [Binding]
    public sealed class Steps
    {
        [BeforeScenario]
        public void Before1() { }

        [BeforeScenario("@skip-before")]
        public void BeforeSkipping() => throw new SkippedStepException();

        [BeforeScenario]
        public void Before2() { }

        [Given("a normal step")]
        public void Normal() { }

        [Given("a step that skips")]
        public void Skips() => throw new SkippedStepException();

        [AfterScenario]
        public void After1() { }

        [AfterScenario("@skip-after")]
        public void AfterSkipping() => throw new SkippedStepException();

        [AfterScenario]
        public void After2() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.HooksUndefined
{
    [Binding]
    public sealed class Steps
    {
        [BeforeScenario]
        public void Before() { }

        [AfterScenario]
        public void After() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.SkippedFailingHook
{
    [Binding]
    public sealed class Steps
    {
        [Given("a step that skips")]
        public void Skips() => throw new SkippedStepException();

        [AfterScenario]
        public void After() => throw new Exception("whoops");
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.GlobalHooks
{
    [Binding]
    public sealed class Steps
    {
        [BeforeTestRun]
        public static void BeforeAll1() { }

        [BeforeTestRun]
        public static void BeforeAll2() { }

        [When("a step passes")]
        public void Passes() { }

        [When("a step fails")]
        public void Fails() => throw new Exception("Exception in step");

        [AfterTestRun]
        public static void AfterAll1() { }

        [AfterTestRun]
        public static void AfterAll2() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.GlobalHooksAttachments
{
    [Binding]
    public sealed class Steps
    {
        [BeforeTestRun]
        public static void BeforeAll(Attachments attachments) => attachments.Attach("Attachment from BeforeAll hook", "text/plain");

        [When("a step passes")]
        public void Passes() { }

        [AfterTestRun]
        public static void AfterAll(Attachments attachments) => attachments.Attach("Attachment from AfterAll hook", "text/plain");
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.HooksAttachment
{
    [Binding]
    public sealed class Steps(Attachments attachments)
    {
        [BeforeScenario]
        public void Before() => attachments.Attach(File.ReadAllBytes(CckSamples.Asset("hooks-attachment", "cucumber.svg")), "image/svg+xml");

        [When("a step passes")]
        public void Passes() { }

        [AfterScenario]
        public void After() => attachments.Attach(File.ReadAllBytes(CckSamples.Asset("hooks-attachment", "cucumber.svg")), "image/svg+xml");
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.ExamplesTablesAttachment
{
    [Binding]
    public sealed class Steps(Attachments attachments)
    {
        [When("a JPEG image is attached")]
        public void Jpeg() => attachments.Attach(File.ReadAllBytes(CckSamples.Asset("examples-tables-attachment", "cucumber.jpeg")), "image/jpeg");

        [When("a PNG image is attached")]
        public void Png() => attachments.Attach(File.ReadAllBytes(CckSamples.Asset("examples-tables-attachment", "cucumber.png")), "image/png");
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.AttachmentsSample
{
    [Binding]
    public sealed class Steps(Attachments attachments)
    {
        [When("the string {string} is attached as {string}")]
        public void AttachString(string text, string mediaType) => attachments.Attach(text, mediaType);

        [When("the string {string} is logged")]
        public void LogString(string text) => attachments.Log(text);

        [When("text with ANSI escapes is logged")]
        public void LogAnsi() => attachments.Log(
            "This displays a \u001b[31mr\u001b[0m\u001b[91ma\u001b[0m\u001b[33mi\u001b[0m\u001b[32mn\u001b[0m\u001b[34mb\u001b[0m\u001b[95mo\u001b[0m\u001b[35mw\u001b[0m");

        [When("the following string is attached as {string}:")]
        public void AttachDocString(string mediaType, string text) => attachments.Attach(text, mediaType);

        [When("an array with {int} bytes is attached as {string}")]
        public void AttachBytes(int size, string mediaType) =>
            attachments.Attach(Enumerable.Range(0, size).Select(i => (byte)i).ToArray(), mediaType);

        [When("a PDF document is attached and renamed")]
        public void AttachPdf() => attachments.Attach(File.ReadAllBytes(CckSamples.Asset("attachments", "document.pdf")), "application/pdf", "renamed.pdf");

        [When("a link to {string} is attached")]
        public void AttachLink(string uri) => attachments.Link(uri);

        [When("the string {string} is attached as {string} before a failure")]
        public void AttachThenFail(string text, string mediaType)
        {
            attachments.Attach(text, mediaType);
            throw new Exception("whoops");
        }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.GlobalHooksBeforeAllError
{
    [Binding]
    public sealed class Steps
    {
        [BeforeTestRun]
        public static void BeforeAll1() { }

        [BeforeTestRun]
        public static void BeforeAll2() => throw new Exception("BeforeAll hook went wrong");

        [BeforeTestRun]
        public static void BeforeAll3() { }

        [When("a step passes")]
        public void Passes() { }

        [AfterTestRun]
        public static void AfterAll1() { }

        [AfterTestRun]
        public static void AfterAll2() { }
    }
}

namespace Conformance.Gherkin.Tests.Cck.Samples.GlobalHooksAfterAllError
{
    [Binding]
    public sealed class Steps
    {
        [BeforeTestRun]
        public static void BeforeAll1() { }

        [BeforeTestRun]
        public static void BeforeAll2() { }

        [When("a step passes")]
        public void Passes() { }

        [AfterTestRun]
        public static void AfterAll1() { }

        [AfterTestRun]
        public static void AfterAll2() => throw new Exception("AfterAll hook went wrong");

        [AfterTestRun]
        public static void AfterAll3() { }
    }
}
