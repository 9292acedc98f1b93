using Conformance.Targets.ServerlessAwsLambda;

namespace Conformance.Targets.Tests.ServerlessAwsLambda;

/// <summary>serverless-aws-lambda's pinned install (npm on first use), for the tests of a class; every scenario's process is its target's.</summary>
public sealed class AwsLambdaFixture : IAsyncLifetime
{
    private AwsLambdaStack? stack;

    public AwsLambdaStack Stack => stack ?? throw new InvalidOperationException("the serverless-aws-lambda stack did not start");

    public async ValueTask InitializeAsync() => stack = await AwsLambdaStack.StartAsync(TextWriter.Null);

    public async ValueTask DisposeAsync()
    {
        if (stack is not null) await stack.DisposeAsync();
    }
}
