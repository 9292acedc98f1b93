using Conformance.Cli.Output;

namespace Conformance.Cli.Tests.Output;

public sealed class RedactionTests
{
    [Fact]
    public void An_access_key_id_in_a_service_message_is_taken_out()
    {
        Redaction.Redact("The security token AKIAIOSFODNN7EXAMPLE is invalid; ASIAIOSFODNN7EXAMPLE too")
            .ShouldBe("The security token AKIA…(redacted) is invalid; ASIA…(redacted) too");
    }

    [Fact]
    public void Text_without_credentials_is_unchanged()
    {
        Redaction.Redact("arn:aws:lambda:us-east-1:123456789012:function:probe").ShouldBe("arn:aws:lambda:us-east-1:123456789012:function:probe");
    }
}
