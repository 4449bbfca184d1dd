// Fault tests stop and restart the shared PostgreSQL and RabbitMQ: nothing else may run meanwhile.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
