@source:schedule @push @async
Feature: A scheduled rule invokes the function asynchronously at each scheduled time
  An EventBridge rule with a schedule expression invokes its target function asynchronously each time
  the schedule falls due, with the scheduled-event shape: detail-type "Scheduled Event", source
  "aws.events", the rule's ARN in resources and an empty detail. rate(value unit) repeats every period;
  a value of 1 takes the singular unit and any other value the plural.

  AWS documentation:
  - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
  - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
  - https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html
  The refusal of an invalid expression, "Parameter ScheduleExpression is not valid." with no detail, is
  recorded on AWS: localstack/localstack at 8b9a79f0, tests/aws/services/events/test_events_schedule.snapshot.json,
  TestScheduleCron::tests_put_rule_with_invalid_schedule_cron, recorded 2025-01-22.

  @aws-documented @needs:source:schedule @needs:virtual-time
  Scenario: A rate rule invokes the function every period
    Given a function that returns nothing
    And EventBridge may invoke the function
    And a rule "every-five" that invokes the function on the schedule "rate(5 minutes)"
    When 16 minutes pass
    Then the function was invoked 3 times
    And consecutive invocations were 5 minutes apart

  @aws-documented @needs:source:schedule
  Scenario: The function receives the scheduled event
    Given a function that returns nothing
    And EventBridge may invoke the function
    And a rule "every-minute" that invokes the function on the schedule "rate(1 minute)"
    When 1 minute passes
    Then the event has "detail-type" set to "Scheduled Event"
    And the event has "source" set to "aws.events"
    And the event has "detail" set to "{}"
    And the event has "version" set to "0"

  @aws-documented @needs:source:schedule
  Scenario Outline: The schedule expression <expression> is rejected
    Given a function that returns nothing
    When a rule "bad" is created with the schedule "<expression>"
    Then the source configuration is rejected with ValidationException: "Parameter ScheduleExpression is not valid."

    Examples:
      | expression         |
      | rate(1 minutes)    |
      | rate(5 minute)     |
      | rate(0 minutes)    |
      | cron(0 12 * * * *) |
      | every 5 minutes    |

  @aws-documented @needs:source:schedule
  Scenario: Without the permission the rule cannot invoke the function
    Given a function that returns nothing
    And a rule "every-minute" that invokes the function on the schedule "rate(1 minute)"
    When 3 minutes pass
    Then the function was not invoked

  @aws-documented @needs:source:schedule @needs:virtual-time
  Scenario: A scheduled invocation of a failing function is retried as any asynchronous invocation
    Given a function that fails with "Error": "boom"
    And EventBridge may invoke the function
    And the function's maximum retry attempts are 1
    And a rule "hourly" that invokes the function on the schedule "rate(1 hour)"
    When 61 minutes pass
    Then the function was invoked 2 times
    And the attempts were 1 minute apart
