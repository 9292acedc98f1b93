@source:kinesis @pull @sync
Feature: Tumbling windows carry state from one invocation to the next
  With TumblingWindowInSeconds (up to 900), Lambda groups a shard's records into fixed windows by
  arrival time. Each invocation receives the window's boundaries and the state the previous invocation
  returned; once the window has ended, a last invocation with isFinalInvokeForWindow: true lets the
  function act on the aggregate. A response without state counts as a failure. (Whether the final
  invocation carries records is not documented: the reference engine sends it with none, and no
  scenario relies on that.)

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html

  @aws-documented @needs:source:kinesis
  Scenario: The state returned by one invocation is given to the next, and the window closes with a final invocation
    Given a function that returns:
      """json
      {"state": {"total": 3}}
      """
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon in tumbling windows of 60 seconds
    When the records "r1, r2" are put into "readings" with the partition key "sensor-1"
    And 10 seconds pass
    And the records "r3" are put into "readings" with the partition key "sensor-1"
    And 2 minutes pass
    Then the function was invoked 3 times
    And event 1 has "state" set to "{}"
    And event 2 has "state.total" set to "3"
    And event 2 has "isFinalInvokeForWindow" set to "false"
    And event 3 has "isFinalInvokeForWindow" set to "true"
