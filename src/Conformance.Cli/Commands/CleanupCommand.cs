using System.CommandLine;
using Conformance.Cli.Output;
using Conformance.Targets;
using Conformance.Targets.Aws;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance cleanup --run-id ID</c>: removes the resources a run on AWS or LocalStack left behind.</summary>
public static class CleanupCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runId = new Option<string>("--run-id") { Description = "The run whose resources to remove (printed when the run starts).", Required = true };
        var target = new Option<string>("--target") { Description = "aws or localstack.", DefaultValueFactory = _ => "aws" };
        target.AcceptOnlyFromAmong("aws", "localstack");
        var endpoint = new Option<string?>("--endpoint") { Description = "One endpoint for every AWS service (LocalStack)." };
        var region = new Option<string?>("--region") { Description = "AWS region (default: AWS_REGION)." };
        var command = new Command("cleanup", "Remove every function, queue, stream, table and bucket named for a run.\n\nExample:\n  conformance cleanup --run-id 3f9a2c1b")
        {
            runId, target, endpoint, region,
        };
        command.SetAction(async (parsed, cancellation) =>
        {
            var id = parsed.GetValue(runId)!;
            if (id.Length == 0 || !id.All(char.IsAsciiLetterOrDigit))
            {
                await error.WriteLineAsync($"error: --run-id: '{id}' is not a run id (letters and digits, as printed when the run started).");
                return ExitCodes.UsageOrInputError;
            }
            try
            {
                var settings = new TargetOptions(0, parsed.GetValue(endpoint), parsed.GetValue(region), null, id).AwsSettings(parsed.GetValue(target)!);
                var result = await AwsCleanup.RemoveAsync(settings, cancellation);
                foreach (var resource in result.Removed) await output.WriteLineAsync($"removed {resource}");
                foreach (var resource in result.Failed) await error.WriteLineAsync(Redaction.Redact($"could not remove {resource}"));
                await output.WriteLineAsync($"{result.Removed.Count} resources of run {id} removed{(result.Failed.Count > 0 ? $", {result.Failed.Count} could not be" : "")}.");
                return result.Failed.Count == 0 ? ExitCodes.AllPassed : ExitCodes.Failures;
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
            catch (Exception ex) when (ex is TargetUnavailableException or HttpRequestException or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException)
            {
                await error.WriteLineAsync($"error: the {parsed.GetValue(target)} target cannot be reached: {Redaction.Redact(ex.Message)}");
                return ExitCodes.TargetUnavailable;
            }
        });
        return command;
    }
}
