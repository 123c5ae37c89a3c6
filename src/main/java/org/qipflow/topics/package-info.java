/**
 * Topics proposed for a new QIP, from anyone at a member organisation: the public proposal page, the
 * proposer's address confirmed by an emailed link, the coordinator's screening against the eight
 * criteria (with members' votes on a shortlist), and the decision: adopt (a draft programme),
 * decline (the proposer told why) or ask the proposer for more. {@code processes/topic-nomination.bpmn}
 * runs each topic; {@link org.qipflow.topics.TopicProposals}, {@link org.qipflow.topics.TopicScreening}
 * and {@link org.qipflow.topics.TopicVotes} are what the pages use.
 */
package org.qipflow.topics;
