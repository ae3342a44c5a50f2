#!/usr/bin/perl
# A back-sync hook in the shape of Operations Connector's OMBackSync.pl (seed 004): the subroutine
# OMBackSync takes the operation (Init or Close) and, for Close, the event id. This one appends
# "<time> <operation> <id>" to the file named by its first argument, as the connector's sample
# writes to OMBSOutput.txt. For tests: an id starting with "fail" exits 3, one starting with
# "slow" sleeps past any sensible timeout.
use strict;
use warnings;

my ($output, $operation, $id) = @ARGV;

sub OMBackSync {
    my ($op, $event) = @_;
    open(my $fh, '>>', $output) or die "cannot open $output: $!";
    print $fh join(' ', grep { defined } (time(), $op, $event)), "\n";
    close($fh);
    print "OMBackSync $op done\n";
    if (defined $event && $event =~ /^fail/) {
        print STDERR "cannot close $event in the third-party system\n";
        exit 3;
    }
    sleep 60 if defined $event && $event =~ /^slow/;
}

OMBackSync($operation, $id);
exit 0;
