@source:schedule @push @async
Feature: A cron schedule fires at the matching times in UTC
  cron(minutes hours day-of-month month day-of-week year) schedules run in UTC; one of the two day
  fields must be "?". Lists, ranges, steps and names (MON-FRI, JAN) are allowed.

  AWS documentation:
  - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html

  @aws-documented @needs:source:schedule @needs:virtual-time
  Scenario: A daily cron rule fires once a day at the given time
    Given a function that returns nothing
    And EventBridge may invoke the function
    And a rule "noon" that invokes the function on the schedule "cron(30 12 * * ? *)"
    When 3 days pass
    Then the function was invoked 3 times
    And consecutive invocations were 1440 minutes apart

  @aws-documented @needs:source:schedule @needs:virtual-time
  Scenario: A weekday rule skips the weekend
    Given a function that returns nothing
    And EventBridge may invoke the function
    And a rule "weekdays" that invokes the function on the schedule "cron(0 9 ? * MON-FRI *)"
    When 7 days pass
    Then the function was invoked 5 times
