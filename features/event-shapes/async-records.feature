@source:invoke @push @async
Feature: The records Lambda sends to destinations have the shape AWS records for them
  A destination's consumer reads Lambda's record of an asynchronous invocation (or of a stream batch
  that was discarded) field by field. Each scenario has a target send one kind of record and compares
  it with AWS's recorded shape: every field, its JSON type, and every ARN in AWS's form.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq
  Recorded on AWS (localstack/localstack at 8b9a79f0, snapshot files under tests/aws/services/lambda_/):
  - the Success record: test_lambda_destinations.snapshot.json,
    test_assess_lambda_destination_invocation[Success-payload0], recorded 2022-09-01;
  - the RetriesExhausted record: the same file, test_assess_lambda_destination_invocation[payload1],
    recorded 2025-11-24;
  - the dead-letter message: test_lambda_destinations.snapshot.json, test_dead_letter_queue,
    recorded 2025-11-24.

  @aws-observed @needs:destinations
  Scenario: A Success record has the shape AWS sends
    Given a function that returns:
      """json
      {"status": "accepted"}
      """
    And an SQS queue "outcomes"
    And successful events go to "outcomes"
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    Then "outcomes" received 1 record
    And every record in "outcomes" is as AWS sends it

  @aws-observed @needs:destinations
  Scenario: A RetriesExhausted record has the shape AWS sends
    Given a function that fails with "Error": "boom"
    And an SQS queue "failures"
    And failed events go to "failures" after at most 0 retries
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    Then "failures" received 1 record
    And every record in "failures" is as AWS sends it

  @aws-observed @needs:dead-letter-queues
  Scenario: A dead-letter message carries the attributes AWS sends
    Given a function that fails with "Error": "boom"
    And an SQS queue "dead-letters"
    And the function's dead-letter queue is "dead-letters"
    And the function's maximum retry attempts are 0
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    Then "dead-letters" received 1 record
    And every message in "dead-letters" carries the message attributes AWS sends
