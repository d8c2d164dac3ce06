/**
 * What the facts and health packs learn about machines, kept in the inventory's database with history per run:
 * {@link dev.underlay.automation.facts.MachineFacts} (OS, kernel, CPU, memory, disks, NICs) read from a facts
 * job's output by {@link dev.underlay.automation.facts.FactsReader}, and
 * {@link dev.underlay.automation.facts.MachineHealth} set from a health job's check results;
 * {@link dev.underlay.automation.facts.FactsService} harvests a job when it ends and answers the latest and the
 * history. Storage is the {@link dev.underlay.automation.facts.FactsStore} port.
 */
package dev.underlay.automation.facts;
