@source:invoke @push
Feature: Invocation payloads are limited to 6 MB synchronously and 1 MB asynchronously
  Lambda rejects a request whose payload is larger than the limit of its invocation type with 413,
  before the function runs: 6 MB for RequestResponse and 1 MB for Event (256 KB until the late-2025
  increase). An oversized synchronous request is refused as any oversized Lambda API request is:
  RequestEntityTooLargeException, "Request must be smaller than 6291456 bytes for the InvokeFunction
  operation". That form is recorded on AWS for CreateFunction (localstack/localstack at 8b9a79f0,
  tests/aws/services/lambda_/test_lambda_api.snapshot.json,
  TestLambdaSizeLimits::test_oversized_request_create_lambda, recorded 2025-11-25: 413,
  RequestEntityTooLargeException, "Request must be smaller than 70167211 bytes for the CreateFunction
  operation"), and users report it word for word for InvokeFunction
  (https://github.com/pelmers/streetwarp-web/issues/14, https://github.com/JupiterOne/sdk/issues/565).
  An oversized event is refused with RequestTooLargeException, the name the Invoke API reference gives.

  Whether a request of exactly 6,291,456 bytes is accepted is not settled: the quota table's "6 MB"
  says yes, the refusal's "must be smaller than" says no, and no recording shows it. No scenario
  claims it; the reference engine accepts it (EngineSettings.SyncPayloadLimitAcceptsItsOwnSize).

  A function response larger than 6,291,556 bytes (6 MB and 100 bytes, as AWS answers it) is a
  function error, Function.ResponseSizeTooLarge (recorded on AWS: localstack/localstack at 8b9a79f0,
  tests/aws/services/lambda_/test_lambda.snapshot.json,
  TestLambdaBaseFeatures::test_lambda_too_large_response, recorded 2025-11-24). No scenario checks the
  response limit yet: the probe takes its response from the scenario, and on AWS that travels in an
  environment variable (4 KB at most); the engine's unit tests check it.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  - https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html

  @aws-documented @sync
  Scenario Outline: A synchronous payload of <bytes> bytes answers <status>
    Given a function that returns nothing
    When the function is invoked synchronously with a payload of <bytes> bytes
    Then the response status is <status>

    Examples:
      | bytes   | status |
      | 6291455 | 200    |
      | 6291457 | 413    |

  @aws-documented @async
  Scenario Outline: An asynchronous payload of <bytes> bytes answers <status>
    Given a function that returns nothing
    When the function is invoked asynchronously with a payload of <bytes> bytes
    Then the response status is <status>

    Examples:
      | bytes   | status |
      | 1048576 | 202    |
      | 1048577 | 413    |

  @aws-observed @sync
  Scenario: A synchronous payload over the limit is refused as RequestEntityTooLargeException and the function does not run
    Given a function that returns nothing
    When the function is invoked synchronously with a payload of 7000000 bytes
    Then the invocation is rejected with status 413 and RequestEntityTooLargeException
    And the function was not invoked
