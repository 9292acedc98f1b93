@source:kinesis @pull @sync
Feature: With a ParallelizationFactor, a shard's partition keys are processed side by side, each in order
  ParallelizationFactor (1–10) lets Lambda process up to that many batches of one shard at once.
  Order is then kept per partition key instead of per shard: a key whose batch fails holds back only
  its own records.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html

  @aws-documented @needs:source:kinesis
  Scenario: Each partition key keeps its order when keys are processed in parallel
    Eight keys share one shard, and the function runs for 3 seconds. Which keys share a batch is
    Lambda's affair, so the scenario claims only what the pages promise: each key's records arrive in
    order, batches of the shard are in flight at once (two start within 2 seconds of each other: the
    contrast that a target reading a shard one batch at a time fails), and no more than the factor at
    a time.
    Given a function with a timeout of 10 seconds that runs for 3 seconds
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon with a parallelization factor of 4
    When the records "a-1, a-2, a-3" are put into "readings" with the partition key "sensor-a"
    And the records "b-1, b-2" are put into "readings" with the partition key "sensor-b"
    And the records "c-1, c-2" are put into "readings" with the partition key "sensor-c"
    And the records "d-1, d-2" are put into "readings" with the partition key "sensor-d"
    And the records "e-1, e-2" are put into "readings" with the partition key "sensor-e"
    And the records "f-1, f-2" are put into "readings" with the partition key "sensor-f"
    And the records "g-1, g-2" are put into "readings" with the partition key "sensor-g"
    And the records "h-1, h-2" are put into "readings" with the partition key "sensor-h"
    And 20 seconds pass
    Then the function received the records of "sensor-a" in the order "a-1, a-2, a-3"
    And the function received the records of "sensor-b" in the order "b-1, b-2"
    And the function received the records of "sensor-h" in the order "h-1, h-2"
    And at least 2 invocations started within 2 seconds of each other
    And at most 4 invocations started within any 2 seconds
