using Conformance.Core.Invocation;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Tests.Drivers;

/// <summary>Each way a refusal can differ from Lambda's is its own finding, with the target's answer as it came.</summary>
public sealed class RejectionTests
{
    private static string Finding(ApiResult? result, string? message = null) =>
        Should.Throw<ExpectationFailedException>(() => Rejection.Expect(result, "mapping", "InvalidParameterValueException", message)).Message.Split('\n')[0];

    [Fact]
    public void Lambda_s_error_with_the_words_passes() =>
        Rejection.Expect(ApiResult.InvalidParameter("Batch size must be 1 to 10"), "mapping", "InvalidParameterValueException", "must be 1");

    [Fact]
    public void An_accepted_call_is_reported_as_accepted() =>
        Finding(ApiResult.Ok).ShouldBe("Accepted where Lambda refuses it: the mapping.");

    [Fact]
    public void A_refusal_with_another_error_is_its_own_finding() =>
        Finding(new ApiResult(400, "ValidationException", "bad")).ShouldBe("Refused, as Lambda refuses it, but with another error: the mapping.");

    [Fact]
    public void A_refusal_with_no_status_or_error_type_keeps_the_target_s_words()
    {
        var refusal = ApiResult.RefusedWithoutCode("functions.f.events.0.sqs.batchSize: must be <= 10000");

        Finding(refusal).ShouldBe("Refused, as Lambda refuses it, but with no status and no error type: the mapping.");
        Should.Throw<ExpectationFailedException>(() => Rejection.Expect(refusal, "mapping", "InvalidParameterValueException"))
            .Observed.ShouldBe("refused with no status and no error type: functions.f.events.0.sqs.batchSize: must be <= 10000");
    }

    [Fact]
    public void Lambda_s_error_in_other_words_is_its_own_finding() =>
        Finding(ApiResult.InvalidParameter("something else"), "Batching window is not supported").ShouldBe("Refused with Lambda's error, but in other words: the mapping.");

    [Fact]
    public void A_change_the_target_failed_on_is_neither_an_acceptance_nor_a_refusal()
    {
        var failure = Should.Throw<ExpectationFailedException>(() => Rejection.Expect(ApiResult.Failed("Error: options.iterator must be one of LATEST or TRIM_HORIZON"), "mapping", "InvalidParameterValueException"));

        failure.Message.Split('\n')[0].ShouldBe("Neither accepted nor refused, the target failed applying it: the mapping.");
        failure.Observed.ShouldBe("neither accepted nor refused: the target failed applying it: Error: options.iterator must be one of LATEST or TRIM_HORIZON");
    }
}
