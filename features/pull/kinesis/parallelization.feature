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
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon with a parallelization factor of 4
    When the records "a-1, a-2, a-3" are put into "readings" with the partition key "sensor-a"
    And the records "b-1, b-2" are put into "readings" with the partition key "sensor-b"
    And 2 seconds pass
    Then the function received the records of "sensor-a" in the order "a-1, a-2, a-3"
    And the function received the records of "sensor-b" in the order "b-1, b-2"
