using Conformance.Cli.Commands;

return await ConformanceCommand.RunAsync(args, Console.Out, Console.Error);
