namespace Conformance.Targets.Emulator;

/// <summary>What sets one serverless emulator apart where a scenario's configuration meets it.</summary>
/// <param name="Lacks">What a scenario asked for and the emulator has not, reported as unsupported.</param>
/// <param name="RestApisUnderTheirStage">Whether REST API routes answer under the stage (<c>/prod/orders</c>, serverless-offline) or at the path alone (serverless-aws-lambda).</param>
/// <param name="Stopping">Cancelled when the run is interrupted: every wait on the emulator ends.</param>
internal sealed record ServerlessFlavour(Func<string, NotSupportedException> Lacks, bool RestApisUnderTheirStage, CancellationToken Stopping);
