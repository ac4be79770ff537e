/* Generates N bids as one <bids> stream (schemas/bid.xsd) for lot 1 of the
 * benchmark tender (bench/bench_evaluate.sh: samples/04-wbe-open-ted.xml
 * with five extra requirements, 20 in all, plus 4 scored-only ids).
 * Deterministic (a fixed xorshift seed): most bids comply; about 5 % fail a
 * requirement, 2 % carry an arithmetic error, 1 % arrive late.
 * Usage: gen_bids N > bids.xml    (standalone: cc -O2 -o gen_bids gen_bids.c) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static unsigned next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

int main(int argc, char **argv)
{
    if (argc != 2 || atol(argv[1]) <= 0) {
        fprintf(stderr, "usage: gen_bids N > bids.xml\n");
        return 2;
    }
    long n = atol(argv[1]);
    printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bids xmlns=\"urn:tenderpack:bid:1\">\n");
    for (long i = 0; i < n; i++) {
        unsigned fail = next(100), unit = 380 + next(120), ew = 30 + next(20), cart = 900 + next(400);
        long long lines = 420LL * unit * 100, opts = (420LL * ew + 14LL * cart) * 100;
        long long htva = lines + opts, tva = (htva * 21 + 50) / 100;
        int day = 1 + (int)(i % 30), late = fail == 99;
        printf("<bid version=\"1\" tenderReference=\"WBE-NAM-2026-003\" receivedAt=\"2026-%s-%02dT%02d:%02d:00+01:00\">\n",
               late ? "12" : "11", late ? 3 : day, (int)(8 + next(10)), (int)next(60));
        printf("<supplier vat=\"BE0403170701\"><name>Fournisseur %ld</name><address country=\"BE\">"
               "<street>Rue de la Loi</street><number>%ld</number><postalCode>1000</postalCode>"
               "<locality>Bruxelles</locality></address><contact><name>Contact %ld</name>"
               "<email>offres%ld@example.be</email><phone>02 123 45 67</phone></contact>"
               "<signatory><name>Signataire %ld</name><role>Administrateur</role></signatory></supplier>\n",
               i, 1 + i % 200, i, i, i);
        printf("<lot number=\"1\"><product><brand>Marque %u</brand><model>Modèle %u</model></product><values>\n",
               next(20), next(1000));
        printf("<value ref=\"cpu-benchmark\" unit=\"points\">%u</value>\n", 6000 + next(6000));
        printf("<value ref=\"ram\" unit=\"Go\">%u</value>\n", fail < 5 ? 4 : 8u << next(2));
        printf("<value ref=\"storage\" unit=\"Go\">%u</value>\n", 256u << next(2));
        printf("<value ref=\"storage-type\">ssd</value>\n");
        printf("<value ref=\"screen\" unit=\"cm\">%u,%u</value>\n", 34 + next(5), next(10));
        printf("<value ref=\"screen-resolution\" unit=\"px\">1920</value>\n");
        printf("<value ref=\"battery\" unit=\"min\">%u</value>\n", 480 + next(300));
        printf("<value ref=\"weight\" unit=\"g\">%u</value>\n", 1200 + next(600));
        printf("<value ref=\"wifi\">wifi6e</value>\n<value ref=\"usb-c\" unit=\"ports\">%u</value>\n",
               1 + next(3));
        printf("<value ref=\"webcam\">oui</value>\n<value ref=\"keyboard-layout\">azerty-be</value>\n");
        printf("<value ref=\"os\">windows-11-education</value>\n<value ref=\"warranty\" unit=\"ans\">%u</value>\n",
               3 + next(3));
        printf("<value ref=\"warranty-service\">on-site</value>\n");
        for (int k = 1; k <= 5; k++)
            printf("<value ref=\"bench-extra-%d\">%u</value>\n", k, 10 + next(90));
        printf("<value ref=\"repairability\">%u,%u</value>\n<value ref=\"brightness\" unit=\"nits\">%u</value>\n",
               5 + next(4), next(10), 250 + next(200));
        printf("<value ref=\"spill-resistant\">%s</value>\n<value ref=\"rugged\">%s</value>\n",
               next(2) ? "yes" : "no", next(2) ? "oui" : "non");
        printf("</values><priceSchedule><line ref=\"devices\" quantity=\"420\" unitPrice=\"%u.00\" total=\"%lld.%02lld\"/></priceSchedule>\n",
               unit, (fail == 98 ? lines + 1000 : lines) / 100, lines % 100);
        printf("<options><option kind=\"extended-warranty\" years=\"4\" quantity=\"420\" unitPrice=\"%u.00\" total=\"%u.00\"/>"
               "<option kind=\"charging-cart\" quantity=\"14\" unitPrice=\"%u.00\" total=\"%u.00\"/></options>\n",
               ew, 420 * ew, cart, 14 * cart);
        printf("<totals htva=\"%lld.%02lld\" tva=\"%lld.%02lld\" tvac=\"%lld.%02lld\"/><warranty years=\"%u\"/>"
               "<delivery days=\"%u\"/></lot></bid>\n",
               htva / 100, htva % 100, tva / 100, tva % 100, (htva + tva) / 100, (htva + tva) % 100,
               3 + next(3), 14 + next(30));
    }
    printf("</bids>\n");
    return 0;
}
