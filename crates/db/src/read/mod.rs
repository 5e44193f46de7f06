//! Read models: what the platform shows of a report and of a ticket, built from the tables in as
//! few queries as a page needs. They depend on the schema and the models only, never on the
//! modules that change reports and tickets, so that everything can read them.

pub mod report;
pub mod submission;
pub mod ticket;
