using Conformance.Targets.Emulator;

namespace Conformance.Targets.Tests.Emulator;

public sealed class ServerlessServiceTests
{
    [Fact]
    public void The_scenario_prefix_is_taken_out_of_names_in_arns_urls_and_values()
    {
        var service = new ServerlessService("c8");
        const string observed = """{"eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:c8-orders","url":"http://127.0.0.1:9324/000000000000/c8-orders","bucket":"c8-uploads"}""";

        service.WithScenarioNames(observed)
            .ShouldBe("""{"eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:orders","url":"http://127.0.0.1:9324/000000000000/orders","bucket":"uploads"}""");
    }

    [Fact]
    public void An_id_whose_letters_happen_to_spell_the_prefix_is_left_as_it_was()
    {
        // A message id seen on the emulator in CI: "…13c8-…" is not scenario c8's prefix.
        var service = new ServerlessService("c8");
        const string observed = """{"messageId":"4b8513c8-d4c1-40c2-8555-3b882e9be8ae","receiptHandle":"abc8-def"}""";

        service.WithScenarioNames(observed).ShouldBe(observed);
    }
}
