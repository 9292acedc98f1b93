@source:api-gateway @push @sync
Feature: A function slower than the integration timeout answers 504
  API Gateway waits for the function up to the integration timeout: 29 seconds by default for REST
  APIs and 30 seconds (the maximum) for HTTP APIs. A slower function answers 504 to the client.

  AWS documentation:
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html

  @aws-documented @needs:source:api-gateway
  Scenario: A REST API answers a function of 28 s and times out one of 30 s with 504
    The same route answers 200 while the function stays within the timeout, and 504 once it runs
    longer: the contrast that shows the timeout, not the route, decides.
    Given a function that runs for 28 seconds and returns:
      """json
      {"statusCode": 200, "body": "ok"}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /slow"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/slow" to "shop"
    Then the HTTP status is 200
    When the function is changed to run for 30 seconds
    And a client sends GET "/slow" to "shop"
    Then the HTTP status is 504

  @aws-documented @needs:source:api-gateway
  Scenario: An HTTP API answers a function of 29 s and times out one of 31 s with 504
    The same route answers 200 while the function stays within the timeout, and 504 once it runs
    longer.
    Given a function that runs for 29 seconds and returns:
      """json
      {"statusCode": 200, "body": "ok"}
      """
    And an HTTP API "shop" with payload format "2.0" on "GET /slow"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/slow" to "shop"
    Then the HTTP status is 200
    When the function is changed to run for 31 seconds
    And a client sends GET "/slow" to "shop"
    Then the HTTP status is 504
