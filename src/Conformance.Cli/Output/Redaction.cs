using System.Text.RegularExpressions;

namespace Conformance.Cli.Output;

/// <summary>
/// Takes credentials out of text the kit prints that came from elsewhere (a service's error message may
/// echo an access key id): AWS access key ids, and the values of the credential environment variables.
/// </summary>
public static partial class Redaction
{
    [GeneratedRegex(@"\b(AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AccessKeyId();

    private static readonly string[] SecretVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    public static string Redact(string text)
    {
        foreach (var name in SecretVariables)
            if (Environment.GetEnvironmentVariable(name) is { Length: >= 8 } value) text = text.Replace(value, $"({name} redacted)", StringComparison.Ordinal);
        return AccessKeyId().Replace(text, m => m.Groups[1].Value + "…(redacted)");
    }
}
