#!/usr/bin/perl
# A hook with a syntax error, as seed 004's troubleshooting describes: it cannot even Init.
use strict;
sub OMBackSync {
    my ($op = @_;
}
