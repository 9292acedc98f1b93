using System.CommandLine;
using System.Diagnostics;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance doctor</c>: what this machine has, and which targets can run here. Never prints a secret.</summary>
public static class DoctorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("doctor", "Check .NET, Node/npm, Java, chromium, Docker and AWS credentials, and say which targets can run here.");
        command.SetAction(_ => Execute(output));
        return command;
    }

    private static int Execute(TextWriter output)
    {
        output.WriteLine($"ok      .NET {Environment.Version}");
        var node = Version("node", "--version");
        var npm = Version("npm", "--version");
        var java = Version("java", "-version");
        var chromium = Version("chromium", "--version");
        var docker = Version("docker", "info", "--format", "{{.ServerVersion}}");
        Line("Node.js", node, "needed by the emulator target and the test tools");
        Line("npm", npm, "needed to install the emulator stack");
        Line("Java", java, "needed by DynamoDB Local in the emulator stack");
        Line("chromium", chromium, "needed by the browser tests of the reports");
        Line("Docker engine", docker, "needed to start LocalStack with Testcontainers");
        var credentials = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 }
            || File.Exists(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials"));
        output.WriteLine(credentials ? "ok      AWS credentials are configured (not shown)" : "missing AWS credentials: needed by the aws target");
        output.WriteLine();
        var runnable = new List<string> { "reference" };
        if (node is not null && npm is not null && java is not null) runnable.Add("emulator");
        if (node is not null && npm is not null) runnable.Add("serverless-aws-lambda");
        runnable.Add("localstack (given an endpoint; Testcontainers needs " + (docker is null ? "a Docker engine, which is missing)" : "the Docker engine found above)"));
        if (credentials) runnable.Add("aws");
        output.WriteLine($"targets that can run here: {string.Join(", ", runnable)}");
        return ExitCodes.AllPassed;

        void Line(string name, string? version, string why) =>
            output.WriteLine(version is null ? $"missing {name}: {why}" : $"ok      {name} {version}");
    }

    private static string? Version(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start);
            if (process is null) return null;
            var text = process.StandardOutput.ReadToEndAsync();
            var errorText = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            var first = (text.Result + errorText.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
            return process.ExitCode == 0 ? first ?? "" : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }
}
